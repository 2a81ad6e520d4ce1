"""`python -m delegation_lists` runs the `dlists` command line."""

from .cli import main

if __name__ == "__main__":
    main()
