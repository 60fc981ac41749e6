import argparse
from pathlib import Path

from . import SEED, build

parser = argparse.ArgumentParser(prog="python -m workbook.datagen", description=__doc__)
parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "data",
                    help="folder to write into (default: the repository's data/)")
parser.add_argument("--seed", type=int, default=SEED)
parser.add_argument("--scale", type=int, default=1, help="volume multiplier, e.g. 10 or 100 for performance labs")
args = parser.parse_args()
for path in build(args.out, args.seed, args.scale):
    print(path)
