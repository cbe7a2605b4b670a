/* LiSKG page: the files the page writes. window.liskg.download(content, type, name) hands CONTENT to the
   browser as a download named NAME (the exports of the Answer and Compare tabs): a blob URL on a link
   clicked once, revoked after the browser has read it. No request leaves the page. */
(function () {
  "use strict";

  function download(content, type, name) {
    const url = URL.createObjectURL(new Blob([content], { type: type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  window.liskg = window.liskg || {};
  window.liskg.download = download;
})();
