"""Rebuild Qt's ICU data library with only what Quorate can use (Linux bundle only).

Qt's libicudata is 31 MB: display names of every language, region, currency and unit in 200 locales,
legacy code pages, transliterators and CJK/Thai dictionaries. Qt itself keeps its own locale data and
Unicode tables; from ICU it needs properties, normalisation, the root collation and break rules, and
English. This script extracts the data package from the library, removes the rest with ICU's own
`icupkg`, and compiles a replacement library exporting the same single symbol (icudtNN_dat).

Needs `icupkg` (Debian: icu-devtools) and a C compiler. Usage:
    python scripts/trim_icu.py PATH/TO/libicudata.so.NN OUT_DIR   -> OUT_DIR/libicudata.so.NN
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Items kept, as icupkg names them (the data package's own prefix removed). Everything else goes.
KEEP = (
    "*.icu",  # character properties, case mapping, names, bidi, collation tables (coll/ucadata.icu)
    "*.nrm",  # normalisation
    "*.spp",
    "*.cfu",
    "res_index.res",
    "pool.res",
    "root.res",
    "en.res",
    "en_GB.res",
    "en_US.res",
    "en_001.res",
    "en_150.res",
    "supplementalData.res",
    "likelySubtags.res",
    "metadata.res",
    "keyTypeData.res",
    "numberingSystems.res",
    "plurals.res",
    "dayPeriods.res",
    "icuver.res",
    "icustd.res",
    "langInfo.res",
    "timezoneTypes.res",
    "zoneinfo64.res",
    "metaZones.res",
    "windowsZones.res",
    "coll/res_index.res",
    "coll/root.res",
    "coll/en*.res",
    "brkitr/*",  # break rules and the dictionaries their root refers to
    "zone/pool.res",
    "zone/res_index.res",
    "zone/root.res",
    "zone/en*.res",
    "zone/tzdbNames.res",
    # Western code pages a pasted document may still use: windows-1252 and ISO 8859-1/15.
    "ibm-5348_P100-1997.cnv",
    "ibm-923_P100-1998.cnv",
)


def _symbol(library: Path) -> re.Match[str]:
    symbols = subprocess.run(["nm", "-D", str(library)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^([0-9a-f]+) R (icudt\d+_dat)$", symbols, re.M)
    if match is None:
        raise SystemExit(f"{library} does not export an icudtNN_dat symbol")
    return match


def extract_symbol(library: Path) -> str:
    return _symbol(library).group(2)


def extract(library: Path, out: Path) -> None:
    """Write the data package inside the library (the bytes from its symbol to the end of .rodata)."""
    match = _symbol(library)
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True)
    rodata = re.search(r"\.rodata\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", sections.stdout)
    if rodata is None:
        raise SystemExit(f"{library} has no .rodata section")
    address, offset, size = (int(group, 16) for group in rodata.groups())
    start = int(match.group(1), 16) - address + offset
    out.write_bytes(library.read_bytes()[start : offset + size])


def main(library_arg: str, out_dir_arg: str) -> Path:
    library, out_dir = Path(library_arg), Path(out_dir_arg)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not shutil.which("icupkg") or not shutil.which("cc"):
        raise SystemExit("trim_icu needs icupkg (apt install icu-devtools) and a C compiler")
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        symbol = extract_symbol(library)
        package = symbol.removesuffix("_dat") + "l"  # icupkg reads the package name from the file name
        full = scratch / "full" / f"{package}.dat"
        full.parent.mkdir()
        extract(library, full)
        listing = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True).stdout
        items = [line.strip() for line in listing.splitlines() if line.strip()]
        drop = [item for item in items if not any(fnmatch.fnmatch(item, pattern) for pattern in KEEP)]
        (scratch / "drop.txt").write_text("\n".join(drop) + "\n")
        trimmed = scratch / f"{package}.dat"
        subprocess.run(["icupkg", "-r", str(scratch / "drop.txt"), str(full), str(trimmed)], check=True)
        stub = scratch / "icudata.c"
        stub.write_text(
            f'__asm__(".section .rodata\\n.global {symbol}\\n.type {symbol}, @object\\n.balign 16\\n'
            f'{symbol}:\\n.incbin \\"{trimmed}\\"\\n.size {symbol}, .-{symbol}\\n");\n'
        )
        target = out_dir / library.name
        subprocess.run(
            ["cc", "-shared", "-o", str(target), str(stub), f"-Wl,-soname,{library.name}", "-Wl,-z,noexecstack"],
            check=True,
        )
    print(f"{library.name}: kept {len(items) - len(drop)} of {len(items)} items, {target.stat().st_size / 1e6:.1f} MB")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
