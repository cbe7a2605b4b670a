"""liskg plot"""

import json

from liskg.cli.arguments import ensure_current

HELP = "draw one of the review's charts as an SVG or PNG file (or print its Vega-Lite specification)"
DESCRIPTION = """\
Draw a chart of the graph's numbers from its Vega-Lite specification, offline (vl-convert: Vega and
Vega-Lite in an embedded JavaScript engine). The format follows the file name (.svg or .png); the
same file comes out of the same graph byte for byte. With --spec, print the specification with its
data instead (the graph page draws the same one). See docs/compare.md.

charts:
  resistance    resistance before -> after each treatment, by interface and electrolyte family (log)
  capacity      specific capacity against cycle number, with C-rate and temperature
  conductivity  ionic conductivity of the electrolytes in mS cm-1, with measurement temperature
  matrix        studies per interface x processing method

examples:
  liskg plot resistance -o resistance.svg
  liskg plot matrix -o matrix.png
  liskg plot conductivity --spec > conductivity.vl.json"""


def add_arguments(parser):
    parser.add_argument("name", metavar="NAME", help="chart: resistance, capacity, conductivity or matrix")
    output = parser.add_mutually_exclusive_group(required=True)
    output.add_argument("-o", "--output", metavar="FILE", help="where to write the chart (.svg or .png)")
    output.add_argument("--spec", action="store_true", help="print the Vega-Lite specification (JSON) instead")


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    ensure_current(project)
    if args.spec:
        print(json.dumps(api.chart(project, args.name), indent=2, ensure_ascii=False, sort_keys=True))
    else:
        print(api.plot(project, args.name, args.output))
    return 0
