import argparse
from pathlib import Path

from . import SEED, build, default_keys_dir

parser = argparse.ArgumentParser(prog="python -m datagen", description=__doc__)
parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data",
                    help="folder to write into (default: the repository's data/)")
parser.add_argument("--keys", type=Path, default=None,
                    help="folder for the answer keys (default: tests/keys/ for the repository's data/, "
                         "else <out>-keys beside --out)")
parser.add_argument("--seed", type=int, default=SEED)
parser.add_argument("--scale", type=int, default=1, help="volume multiplier, e.g. 10 or 100 for performance labs")
parser.add_argument("--quiet", action="store_true")
args = parser.parse_args()
keys = args.keys or default_keys_dir(args.out)
paths = build(args.out, args.seed, args.scale, keys)
if not args.quiet:
    for path in paths:
        print(path)
    print(f"answer keys: {keys}")
