"""``newsweave eval ...``: evaluation commands on public benchmarks."""
from __future__ import annotations

import json
import os
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
    click.echo(f"  place    {result.place:.3f}  (of {result.place_scored} incidents with coordinates;"
               f" {result.place_strict:.3f} counting the others as wrong)")


@eval_group.command("ecbplus")
@click.argument("ecb_dir", type=click.Path(exists=True, file_okay=False), required=False)
@click.option("--topics", default="36-45", show_default=True, help="Topics to score (the standard test split is 36-45).")
@click.option("--mode", type=click.Choice(["gold", "e2e", "both"]), default="both", show_default=True,
              help="gold: gold mentions given (clustering only); e2e: newsweave's own mentions.")
@click.option("--doc-clusters", "doc_clusters", default="newsweave", show_default=True,
              help="Document grouping for gold mode, comma-separated: newsweave, none, gold (oracle, for reference).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("-q", "--quiet", is_flag=True)
def ecbplus(ecb_dir, topics, mode, doc_clusters, as_json, quiet):
    """Cross-document event coreference on ECB+ (ECB_DIR default: ../shared/datasets/ecbplus):
    MUC, B-cubed, CEAF-e and CoNLL F1 (see newsweave.eval.ecbplus)."""
    from newsweave.cli import _Progress
    from newsweave.eval.ecbplus import parse_topics, read_corpus, run_ecbplus
    from newsweave.eval.gate import default_paths

    ecb_dir = ecb_dir or os.path.join(default_paths()[1], "ecbplus")
    modes = ("gold", "e2e") if mode == "both" else (mode,)
    clusterings = [c.strip() for c in doc_clusters.split(",") if c.strip()]
    for c in clusterings:
        if c not in ("newsweave", "none", "gold"):
            raise click.BadParameter(f"unknown document grouping {c!r} (newsweave, none or gold)", param_hint="--doc-clusters")
    try:
        n_docs = sum(len(v) for v in read_corpus(ecb_dir, parse_topics(topics)).values())
    except (ValueError, FileNotFoundError) as exc:
        raise click.ClickException(str(exc))
    bar = _Progress(n_docs, quiet)
    results = run_ecbplus(ecb_dir, topics, modes, clusterings, progress=bar)
    bar.close()
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], indent=1, default=str))
        return
    for r in results:
        s = r.scores
        click.echo(f"ECB+ topics {topics} -- {r.mode}: {r.topics} topics, {r.docs} docs, "
                   f"{r.gold_mentions} gold mentions, {r.response_mentions} response mentions, "
                   f"pipeline {r.extra.get('pipeline_seconds', 0):.1f} s + scoring {r.seconds:.1f} s")
        click.echo(f"  MUC     P {s.muc.p:.3f}  R {s.muc.r:.3f}  F1 {s.muc.f:.3f}")
        click.echo(f"  B3      P {s.b3.p:.3f}  R {s.b3.r:.3f}  F1 {s.b3.f:.3f}")
        click.echo(f"  CEAF-e  P {s.ceafe.p:.3f}  R {s.ceafe.r:.3f}  F1 {s.ceafe.f:.3f}")
        click.echo(f"  CoNLL F1 {s.conll:.3f}")
        if "mention_recall" in r.extra:
            click.echo(f"  mentions: {r.extra['matched']} matched, {r.extra['spurious']} spurious; "
                       f"recall {r.extra['mention_recall']:.3f}, precision {r.extra['mention_precision']:.3f}")
        if "document_groups" in r.extra:
            click.echo(f"  document groups: {r.extra['document_groups']}")


@eval_group.command("gate")
@click.option("--floors", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Floors JSON (default: bench/eval_floors.json of the checkout).")
@click.option("--datasets", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder holding ecbplus/ and gva-dev/ (default: ../shared/datasets).")
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
def gate(floors, datasets, as_json):
    """Quality gate: run the evaluations on a fixed small sample and fail when a figure drops below its floor."""
    from newsweave.eval.gate import default_paths, format_table, run_gate

    floors_path, data_dir = default_paths(floors, datasets)
    try:
        checks = run_gate(floors_path, data_dir)
    except (ValueError, FileNotFoundError) as exc:
        raise click.ClickException(str(exc))
    if as_json:
        click.echo(json.dumps([c.as_dict() for c in checks], indent=1))
    else:
        click.echo(format_table(checks))
    failed = [c for c in checks if not c.ok]
    if failed:
        click.echo(f"gate FAILED: {len(failed)} figure(s) below their floor", err=True)
        sys.exit(1)
    click.echo("gate passed")
