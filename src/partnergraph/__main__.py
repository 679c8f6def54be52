"""`python -m partnergraph` runs the CLI."""

from partnergraph.cli import main

if __name__ == "__main__":
    main()
