"""`detente eval`: extraction scored against gold, and the CI quality gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command(name="eval")
    def eval_command(
        gold_dir: Annotated[
            Path, typer.Argument(help="Folder of gold <doc_id>.json files.", exists=True, file_okay=False)
        ],
        source_dir: Annotated[
            Path,
            typer.Argument(help="Folder of the articles the gold annotates.", exists=True, file_okay=False),
        ],
        scorer: Annotated[
            Path | None, typer.Option(help="score.py to use (default: eval/score.py above GOLD_DIR).")
        ] = None,
        baseline: Annotated[
            Path | None, typer.Option(help="JSON of minimums; exit 1 if any figure drops below.")
        ] = None,
        out: Annotated[Path | None, typer.Option(help="Also keep the PRED.jsonl here.")] = None,
        show_errors: Annotated[
            bool, typer.Option("--show-errors", help="List missed and spurious events.")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print the whole result as JSON.")] = False,
        stages: Annotated[
            bool,
            typer.Option(
                "--stages",
                help="Also measure each extraction stage against gold (sentences, candidates, "
                "recognition, survival; with --show-errors, where each lost event was lost).",
            ),
        ] = False,
    ) -> None:
        """Extract SOURCE_DIR, score it against GOLD_DIR with the shared scorer, print the figures."""
        from detente.evaluation import ScorerMissing, check_baseline, evaluate, format_result

        try:
            result = evaluate(
                gold_dir, source_dir, scorer_path=scorer, pred_path=out, show_errors=show_errors
            )
        except ScorerMissing as exc:
            raise typer.BadParameter(str(exc), param_hint="--scorer") from exc
        if stages:
            from detente.evaluation_stages import GoldError, stage_figures

            try:
                result["stages"] = stage_figures(gold_dir, source_dir)
            except GoldError as exc:
                raise typer.BadParameter(str(exc), param_hint="GOLD_DIR") from exc
        if as_json:
            typer.echo(json.dumps(result, indent=2))
        else:
            for line in format_result(result):
                typer.echo(line)
            if stages:
                from detente.evaluation_stages import format_stages, iter_lost

                for line in format_stages(result["stages"]):
                    typer.echo(line)
                if show_errors:
                    for line in iter_lost(result["stages"]):
                        typer.echo(line)
        if baseline is not None:
            drops = check_baseline(result, baseline)
            for line in drops:
                typer.echo(f"BELOW BASELINE {line}", err=True)
            if drops:
                raise typer.Exit(1)
            typer.echo(f"all figures at or above {baseline}", err=True)
