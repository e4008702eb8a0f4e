"""Time Kiwi's own start against analyse.kiwi() (Kiwi plus the company dictionary as user words).

Each measurement runs in a fresh interpreter so nothing is cached between them.
Usage: python bench/dictionary_load.py [repeats]
"""
import statistics
import subprocess
import sys

PLAIN = "import time; t=time.perf_counter(); from kiwipiepy import Kiwi; Kiwi(load_typo_dict=False); print(time.perf_counter()-t)"
OURS = ("import time; t=time.perf_counter(); from newsarc import analyse; k=analyse.kiwi(); "
        "print(time.perf_counter()-t)")
WORDS = "from newsarc import analyse; print(len(analyse.user_words()))"


def run(code: str) -> float:
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    plain = statistics.median(run(PLAIN) for _ in range(n))
    ours = statistics.median(run(OURS) for _ in range(n))
    words = int(run(WORDS))
    print(f"Kiwi() alone        {plain:.3f} s")
    print(f"analyse.kiwi()      {ours:.3f} s  ({words} user words)")
    print(f"dictionary overhead {ours - plain:.3f} s (budget 0.5 s)")


if __name__ == "__main__":
    main()
