"""liskg new"""

HELP = "write blank, commented template sheets to enter a paper in (graph_data/templates/NAME/)"
DESCRIPTION = """\
Write a blank set of template sheets for one paper into graph_data/templates/NAME/: studies,
strategies, cells, measurements and materials, tab-separated (TSV) files a spreadsheet opens, each
starting with comment lines (#) that say what goes in every column. Fill them in with names, not
IRIs; the next `liskg build` (or `liskg validate`) reads them beside the Turtle files and reports a
bad cell as file:row:column. An existing sheet is never overwritten. docs/extending.md, "Adding a
paper from a spreadsheet", walks through an example.

examples:
  liskg new study doe-2025
  liskg new study doe-2025 --sheet measurements"""


def add_arguments(parser):
    parser.add_argument("what", choices=["study"], help="what to start: study (a set of sheets for one paper)")
    parser.add_argument("name", metavar="NAME", help="the folder under graph_data/templates/ (doe-2025)")
    parser.add_argument(
        "--sheet",
        action="append",
        default=[],
        metavar="KIND",
        help="only this sheet (studies, strategies, cells, measurements, materials); repeatable",
    )


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    for path in api.new_study(project, args.name, sheets=tuple(args.sheet)):
        print(f"wrote {project.relative(path)}")
    return 0
