"""Load files through the OWL API, the library Protégé is built on, and check the OWL 2 DL profile.

The OWL API is Debian's libowlapi-java (5.1.20, the major version Protégé 5.6 uses), found in
/usr/share/java (or $LISKG_OWLAPI_DIR), with the jars it depends on. Each file is opened as Protégé opens
it: the catalog-v001.xml in its own folder resolves its imports, and nothing is fetched from the
network. The checker (java/OwlApiCheck.java) is compiled once per source and class path with the
machine's javac into the user's cache folder ($LISKG_CACHE_DIR, else $XDG_CACHE_HOME/liskg, else
~/.cache/liskg), shared by every project.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from liskg.base.errors import TimedOut, Unavailable

JAVA_SOURCE = "OwlApiCheck.java"
TIMEOUT = 600  # seconds for one run of the checker
JVM_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]  # a short run: quick JIT, no GC threads


@dataclass
class OwlApiResult:
    ok: bool  # every file loaded (and, with the profile check, is in OWL 2 DL)
    lines: list[str]  # one line per file: "FILE: OK n axioms", "FILE: PARSE ...", "FILE: PROFILE ..."


# The OWL API's own modules (not the "distribution" jar: it lists parsers from rdf4j, which Debian ships
# separately, and its service loader then finds no parser at all) and the libraries they need.
OWLAPI_JARS = ["owlapi-api", "owlapi-impl", "owlapi-parsers", "owlapi-apibinding", "owlapi-tools"]
DEPENDENCY_JARS = [
    "guava",
    "caffeine",
    "commons-io",
    "commons-codec",
    "commons-rdf-api",
    "hppcrt",
    "atinject-jsr330-api",
    "jsr305",
    "slf4j-api",
    "slf4j-nop",
    "xz",
]
OWLAPI_HINT = "the OWL API check needs Debian's OWL API 5: apt-get install -y libowlapi-java"


def owlapi_classpath() -> str:
    """The Java class path of the OWL API 5 and its dependencies; Unavailable when a jar is missing."""
    folder = Path(os.environ.get("LISKG_OWLAPI_DIR") or "/usr/share/java")
    jars = [folder / f"{name}.jar" for name in OWLAPI_JARS + DEPENDENCY_JARS]
    missing = [jar.name for jar in jars if not jar.exists()]
    if missing:
        raise Unavailable(f"{OWLAPI_HINT} ({', '.join(missing[:3])} not in {folder})")
    return ":".join(str(jar) for jar in jars)


def cache_dir() -> Path:
    """Where compiled Java classes are kept, shared by every project of this user."""
    if os.environ.get("LISKG_CACHE_DIR"):
        return Path(os.environ["LISKG_CACHE_DIR"]) / "java"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "liskg" / "java"


def compile_java(source_file, cache: Path | None = None) -> Path:
    """Compile one .java file (a Path or package resource) against the OWL API; the folder holding its classes.

    The folder is named by a hash of the source and the jar, so an edited source is recompiled and an
    unchanged one is compiled once; it is filled in a temporary folder and renamed into place, so a
    concurrent or interrupted compilation never leaves a half-written class behind.
    """
    if shutil.which("javac") is None:
        raise Unavailable("the OWL API check needs a JDK (javac): apt-get install -y default-jdk-headless")
    source, classpath = source_file.read_bytes(), owlapi_classpath()
    cache = cache or cache_dir()
    target = cache / hashlib.sha256(source + classpath.encode()).hexdigest()[:16]
    if (target / (Path(source_file.name).stem + ".class")).exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".compiling-", dir=cache))
    try:
        (work / source_file.name).write_bytes(source)
        proc = subprocess.run(
            ["javac", "-nowarn", "-cp", classpath, "-d", str(work), str(work / source_file.name)],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise Unavailable(f"javac failed on {source_file.name}: {(proc.stderr.strip().splitlines() or ['?'])[0]}")
        try:
            work.rename(target)
        except OSError:  # another process compiled it first
            pass
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def check_files(files: list[Path], *, profile: bool = False) -> OwlApiResult:
    """Load each file with the OWL API in one Java process, as Protégé opens it: the catalog-v001.xml beside
    the file resolves its imports, so the checks cover its whole import closure. With profile=True also
    report OWL 2 DL profile violations. Every triple the OWL API drops as unparsed, in any ontology of the
    closure, is a problem.

    The checker prints one line per problem and one "FILE: OK" line per file without any, and exits 0 when
    all are OK, 1 when it reported problems; any other outcome (a crash, a broken class, Java missing) raises
    Unavailable, never a pass.
    """
    if shutil.which("java") is None:
        raise Unavailable("the OWL API check needs Java: apt-get install -y default-jdk-headless")
    classes = compile_java(resources.files("liskg.builder") / "java" / JAVA_SOURCE)
    args = ["java", *JVM_OPTIONS, "-cp", f"{classes}:{owlapi_classpath()}", "OwlApiCheck"]
    args += (["--profile"] if profile else []) + [str(f) for f in files]
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise TimedOut(f"the OWL API check did not finish within {TIMEOUT} s; build without --owlapi") from None
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    passed = [line for line in lines if ": OK " in line]
    reported = proc.returncode == 1 and len(passed) < len(lines)
    if not reported and not (proc.returncode == 0 and len(passed) == len(files) == len(lines)):
        why = (proc.stderr.strip().splitlines() or [f"{len(passed)} of {len(files)} files reported"])[-1][:300]
        raise Unavailable(
            f"the OWL API checker failed to run (java exit status {proc.returncode}: {why}); "
            f"remove {classes} to recompile it, or build without --owlapi"
        )
    return OwlApiResult(ok=proc.returncode == 0, lines=lines)
