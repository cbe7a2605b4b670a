"""Load and soak of the SPARQL endpoint (issue 25), 127.0.0.1 only, bounded in requests and time.

In one run, on the review graph: `liskg serve` (the uvicorn front over Oxigraph) and, as the baseline,
`oxigraph serve-read-only` alone on the same store with the same time bound, each hit by CLIENTS concurrent keep-alive
connections for REQUESTS requests in all (a 20-row SELECT, JSON results); then a soak of the front at
SOAK_CLIENTS connections for SOAK seconds, its memory (front + Oxigraph, resident) at the start and the
end. Fuseki is not in Debian's or PyPI's packages (Debian ships Jena's libraries, not its server), so
it is not a baseline here.

    .venv/bin/python bench/serve_load.py [--requests 10000] [--clients 256] [--soak 600]

Writes build/bench/serve.json and the section "The SPARQL endpoint under load" of docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 10  # seconds per query, for both servers (Oxigraph's --timeout-s holds one thread per query this long)
QUERY = (
    "PREFIX liskg: <https://w3id.org/liskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?study ?label WHERE { ?study a liskg:Study ; rdfs:label ?label } ORDER BY ?label LIMIT 20"
)
START, END = "<!-- serve_load.py: start -->", "<!-- serve_load.py: end -->"


async def one_client(port: int, path: bytes, count: int, latencies: list, errors: list) -> None:
    """COUNT requests over one keep-alive connection (reconnecting after a failure, which counts as dropped)."""
    request = b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/sparql-results+json\r\n\r\n"
    reader = writer = None
    for _ in range(count):
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(request)
            await writer.drain()
            status, body = await read_response(reader)
            if status != 200 or b'"bindings"' not in body:
                errors.append(f"status {status}" + (f" '{body.decode(errors='replace').strip()[:80]}'" if body else ""))
            else:
                latencies.append(time.perf_counter() - start)
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            errors.append(type(exc).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def read_response(reader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    body = b""
    while True:  # chunked
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        chunk = await reader.readexactly(size + 2)
        if size == 0:
            return status, body
        body += chunk[:-2]


async def load(port: int, requests: int, clients: int) -> dict:
    path = b"/query?" + urllib.parse.urlencode({"query": QUERY}).encode()
    latencies: list[float] = []
    errors: list[str] = []
    share, extra = divmod(requests, clients)
    started = time.perf_counter()
    await asyncio.gather(*(one_client(port, path, share + (i < extra), latencies, errors) for i in range(clients)))
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": requests,
        "clients": clients,
        "ok": len(latencies),
        "dropped": len(errors),
        "errors": sorted(set(errors)),
        "wall_s": wall,
        "per_s": requests / wall,
        "p50_ms": 1000 * latencies[len(latencies) // 2] if latencies else None,
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)] if latencies else None,
        "max_ms": 1000 * latencies[-1] if latencies else None,
    }


def wait_port(port: int, process) -> None:
    import socket

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("no server")


def start_front() -> tuple[subprocess.Popen, int]:
    front = subprocess.Popen(
        [sys.executable, "-m", "liskg.cli", "serve", "--port", "0", "--timeout", str(TIMEOUT)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    line = front.stdout.readline()
    port = int(re.search(r":(\d+)/query", line).group(1))
    wait_port(port, front)
    return front, port


def start_oxigraph(location: Path) -> tuple[subprocess.Popen, int]:
    from liskg.querying.server import claim_port, command

    port = claim_port("127.0.0.1", 0)
    process = subprocess.Popen(command(location, port, TIMEOUT), stderr=subprocess.DEVNULL)  # as the front runs it
    wait_port(port, process)
    return process, port


def memory(process: subprocess.Popen) -> int:
    """Resident bytes of PROCESS and its children."""
    parent = psutil.Process(process.pid)
    return sum(p.memory_info().rss for p in [parent, *parent.children(recursive=True)])


def threads(process: subprocess.Popen) -> int:
    """Threads of PROCESS and its children (each takes a process id: kernel.pid_max bounds them machine-wide)."""
    parent = psutil.Process(process.pid)
    return sum(p.num_threads() for p in [parent, *parent.children(recursive=True)])


def soak(port: int, front: subprocess.Popen, seconds: float, clients: int) -> dict:
    async def run() -> dict:
        path = b"/query?" + urllib.parse.urlencode({"query": QUERY}).encode()
        latencies: list[float] = []
        errors: list[str] = []
        await asyncio.gather(*(one_client(port, path, 200, latencies, errors) for _ in range(clients)))  # warm-up
        before = memory(front)
        samples, done, deadline = [before], 0, time.monotonic() + seconds
        counts = [threads(front)]
        while time.monotonic() < deadline:
            batch: list[float] = []
            await asyncio.gather(*(one_client(port, path, 50, batch, errors) for _ in range(clients)))
            done += len(batch)
            samples.append(memory(front))
            counts.append(threads(front))
        return {
            "seconds": seconds,
            "clients": clients,
            "requests": done,
            "dropped": len(errors),
            "errors": {kind: errors.count(kind) for kind in sorted(set(errors))},
            "memory_start": before,
            "memory_end": samples[-1],
            "memory_peak": max(samples),
            "threads_peak": max(counts),
            "change": samples[-1] / before - 1,
        }

    return asyncio.run(run())


def dropped_kinds(run: dict) -> str:
    kinds = run["errors"]
    return " (" + ", ".join(f"{count} {kind}" for kind, count in kinds.items()) + ")" if kinds else ""


def report(result: dict) -> str:
    front, direct, soaked = result["front"], result["oxigraph"], result["soak"]
    rows = [
        "| server | requests | concurrent clients | dropped | requests/s | p50 | p99 | max |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, run in (
        ("`liskg serve` (uvicorn front → Oxigraph)", front),
        ("`oxigraph serve-read-only` alone", direct),
    ):
        rows.append(
            f"| {name} | {run['requests']:,} | {run['clients']} | {run['dropped']} | {run['per_s']:,.0f} | "
            f"{run['p50_ms']:.1f} ms | {run['p99_ms']:.1f} ms | {run['max_ms']:.1f} ms |"
        )
    mib = 1 << 20
    return "\n".join(
        [
            START,
            "## The SPARQL endpoint under load",
            "",
            f"Generated by `.venv/bin/python bench/serve_load.py` on {result['when']} at commit {result['commit']}; "
            f"load (1 min) {result['load'][0]:.2f} → {result['load'][1]:.2f} on {os.cpu_count()} cores. "
            "Every client is a keep-alive connection on 127.0.0.1 sending a 20-row SELECT (JSON results) "
            "as a GET, from one asyncio process on the same machine; a dropped connection is any request "
            "without a whole 200 answer (a reset, a refused or cut connection, another status). "
            f"Both servers run in the same run on the same store, with a {TIMEOUT} s time bound; Fuseki is not a baseline, since neither "
            "Debian nor PyPI packages its server. Target: 0 dropped from 256 concurrent clients over 10,000 "
            "requests.",
            "",
            *rows,
            "",
            f"Soak: the front for {soaked['seconds']:.0f} s at {soaked['clients']} concurrent clients, "
            f"{soaked['requests']:,} requests, {soaked['dropped']} dropped{dropped_kinds(soaked)}; resident memory of the front and its "
            f"Oxigraph {soaked['memory_start'] / mib:.0f} MiB after the warm-up, {soaked['memory_end'] / mib:.0f} MiB "
            f"at the end ({100 * soaked['change']:+.1f} %, target ±10 %), {soaked['memory_peak'] / mib:.0f} MiB "
            f"at most; {soaked['threads_peak']:,} threads at most (Oxigraph keeps one per query for its time bound: "
            "see [scaling](scaling.md#which-deployment)).",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=256)
    parser.add_argument("--soak", type=float, default=600.0)
    parser.add_argument("--soak-clients", type=int, default=32)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "liskg.cli", "build", "-q"], cwd=ROOT, check=True)
    load_before = os.getloadavg()[0]
    front, front_port = start_front()
    try:
        location = next((ROOT / "build").glob("oxigraph-store-inferred-*[0-9a-f]"))
        direct, direct_port = start_oxigraph(location)
        try:
            result = {
                "front": asyncio.run(load(front_port, args.requests, args.clients)),
                "oxigraph": asyncio.run(load(direct_port, args.requests, args.clients)),
            }
        finally:
            direct.terminate()
            direct.wait()
        result["soak"] = soak(front_port, front, args.soak, args.soak_clients)
    finally:
        front.terminate()
        front.wait()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    result.update(
        when=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        commit=commit.stdout.strip(),
        load=(load_before, os.getloadavg()[0]),
    )
    out = ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "serve.json").write_text(json.dumps(result, indent=2) + "\n")
    doc = ROOT / "docs" / "performance.md"
    text = doc.read_text()
    section = report(result)
    text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: section, text, flags=re.DOTALL)
    if START not in text:
        text = text.rstrip() + "\n\n" + section + "\n"
    doc.write_text(text)
    print(section)


if __name__ == "__main__":
    main()
