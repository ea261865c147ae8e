"""`python -m protokollant.cli …` runs the command line."""
from . import main

main()
