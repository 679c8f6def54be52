"""The `partnergraph spark` command as a file spark-submit runs (it takes a file, not `-m`):
`spark-submit .../partnergraph/spark/__main__.py INPUT... --output DIR`; also
`python -m partnergraph.spark INPUT... --output DIR`."""

from partnergraph.cli import main

if __name__ == "__main__":
    import sys

    main(["spark", *sys.argv[1:]], prog_name="partnergraph")  # usage reads "partnergraph spark ..."
