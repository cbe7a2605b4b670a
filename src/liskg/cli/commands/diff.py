"""liskg diff"""

HELP = "what the last change of the sources did: triples added/removed by file, answer rows"
DESCRIPTION = """\
Compare the build with the one it replaced, the build before the most recent change of the sources (a
build of changed sources keeps the one it replaces in build/previous/): the asserted triples added and
removed, counted by the source file that holds them (a Turtle module or a template sheet), then, for every
named query whose answer changed, the answer rows added (+) and removed (-), as `liskg query` labels
them. Builds first when the sources changed since the last build. Only the last change shows: after a
second edit (and its build) the first is part of both sides. To see a whole paper's effect, move its folder
out of graph_data/templates/, run `liskg build`, move it back and run `liskg diff`.

examples:
  liskg diff"""


def add_arguments(parser):
    pass


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    print(api.diff(project).report())
    return 0
