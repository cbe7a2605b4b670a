"""A test-only tool: HermiT's own command line (the HermiT.jar owlready2 ships), on a file of any size."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

NOTHING = "http://www.w3.org/2002/07/owl#Nothing"


@dataclass
class HermitRun:
    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)  # named classes equivalent to owl:Nothing
    output: str = ""


def command(path: Path, *, classify: bool) -> list[str]:
    """HermiT on PATH with --ignoreUnsupportedDatatypes (EMMO uses datatypes HermiT does not know): -k checks
    consistency, -U (with classify) lists the classes equivalent to owl:Nothing, -N prints full IRIs."""
    import owlready2

    jar = Path(owlready2.__file__).parent / "hermit"
    args = ["java", "-Xmx2g", "-cp", f"{jar}:{jar / 'HermiT.jar'}", "org.semanticweb.HermiT.cli.CommandLine"]
    return (
        args + ["--ignoreUnsupportedDatatypes", "-N", "-k"] + (["-U"] if classify else []) + [path.resolve().as_uri()]
    )


def result(proc: subprocess.CompletedProcess | tuple[int, str, str]) -> HermitRun:
    code, out, err = (
        (proc.returncode, proc.stdout, proc.stderr) if isinstance(proc, subprocess.CompletedProcess) else proc
    )
    if "InconsistentOntologyException" in err:
        return HermitRun(False, output=out + err)
    if code != 0 or "owl#Thing is satisfiable" not in out:
        raise RuntimeError(f"HermiT failed (exit {code}): {(err.strip().splitlines() or ['?'])[-1][:300]}")
    lines = out.splitlines()
    unsatisfiable = []
    if any(line.startswith("Classes equivalent to") for line in lines):
        start = next(i for i, line in enumerate(lines) if line.startswith("Classes equivalent to"))
        unsatisfiable = [line.strip() for line in lines[start + 1 :] if line.startswith("\t")]
    return HermitRun(True, sorted(c for c in unsatisfiable if c != NOTHING), out)


def run(path: Path, *, classify: bool, timeout: float = 600) -> HermitRun:
    return result(subprocess.run(command(path, classify=classify), capture_output=True, text=True, timeout=timeout))


def run_both(tbox: Path, abox: Path, timeout: float = 600) -> tuple[HermitRun, HermitRun]:
    """Classify TBOX and check ABOX for consistency, side by side in two JVMs."""
    procs = [
        subprocess.Popen(command(path, classify=classify), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for path, classify in ((tbox, True), (abox, False))
    ]
    runs = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        runs.append(result((proc.returncode, out, err)))
    return runs[0], runs[1]
