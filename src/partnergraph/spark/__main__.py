"""`spark-submit -m partnergraph.spark INPUT... --output DIR` (or `python -m partnergraph.spark`):
the `partnergraph spark` command, for clusters where the job is started by spark-submit."""

from partnergraph.cli import main

if __name__ == "__main__":
    import sys

    main(["spark", *sys.argv[1:]], prog_name="partnergraph")  # usage reads "partnergraph spark ..."
