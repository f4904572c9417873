"""``newsweave eval ...``: evaluation commands on public benchmarks."""
from __future__ import annotations

import json
import sys

import click


def register(main: click.Group) -> None:
    main.add_command(eval_group)


@click.group("eval")
def eval_group() -> None:
    """Measure newsweave on annotated data (gva, ...)."""


@eval_group.command("gva")
@click.argument("split_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--incidents", "n_incidents", type=int, default=None, help="Only the first N incidents in md5 order of incident_id.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--failures", type=click.Path(), default=None, help="Write the incidents each figure got wrong to this JSON file.")
@click.option("-q", "--quiet", is_flag=True)
def gva(split_dir, n_incidents, as_json, failures, quiet):
    """Incident grouping, killed, injured, date and place on a GVA split (see newsweave.eval.gva)."""
    from newsweave.cli import _Progress
    from newsweave.eval.gva import load_split, run_gva

    _, gold, _ = load_split(split_dir, n_incidents)
    bar = _Progress(len(gold), quiet)
    result, _ = run_gva(split_dir, n_incidents, progress=bar)
    bar.close()
    if failures:
        with open(failures, "w", encoding="utf-8") as fh:
            json.dump(result.failures, fh, indent=1, default=str)
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=1))
        return
    click.echo(f"GVA {split_dir}: {result.articles} articles, {result.incidents} incidents, {result.seconds:.1f} s")
    click.echo(f"  B-cubed  P {result.bcubed_p:.3f}  R {result.bcubed_r:.3f}  F1 {result.bcubed_f1:.3f}  (all singletons F1 {result.singleton_f1:.3f})")
    click.echo(f"  killed   {result.killed:.3f}")
    click.echo(f"  injured  {result.injured:.3f}")
    click.echo(f"  date     {result.date:.3f}")
    click.echo(f"  place    {result.place:.3f}")
