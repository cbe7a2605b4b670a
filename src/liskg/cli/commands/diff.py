"""liskg diff"""

HELP = "what the last edit changed: triples added/removed by module, named queries' answer rows"
DESCRIPTION = """\
Compare the build with the one before the last change of the sources (a build of changed sources keeps
the one it replaces in build/previous/): the asserted triples added and removed, counted by the source
file that holds them (a Turtle module or a template sheet), then, for every named query whose answer
changed, the answer rows added (+) and removed (-), as `liskg query` labels them. Builds first when the
sources changed since the last build. A new study shows up as the rows it adds to the headline answer.

examples:
  liskg diff"""


def add_arguments(parser):
    pass


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    print(api.diff(project).report())
    return 0
