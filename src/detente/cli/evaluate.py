"""`detente eval`: extraction scored against gold, and the CI quality gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from detente.cli.safe import printable


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
        manifest: Annotated[
            Path | None,
            typer.Option(
                help="Pages' urls (id and url columns only); default: a manifest.* in SOURCE_DIR or"
                " GOLD_DIR, or GOLD_DIR/INDEX.md."
            ),
        ] = None,
        no_manifest: Annotated[
            bool, typer.Option("--no-manifest", help="Read no manifest: pages get no url.")
        ] = False,
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
        from detente.ingest.manifest import ManifestError

        try:
            result = evaluate(
                gold_dir,
                source_dir,
                scorer_path=scorer,
                pred_path=out,
                show_errors=show_errors,
                manifest_path=manifest,
                use_manifest=not no_manifest,
            )
        except ScorerMissing as exc:
            raise typer.BadParameter(printable(exc), param_hint="--scorer") from exc
        except ManifestError as exc:
            raise typer.BadParameter(printable(exc), param_hint="--manifest") from exc
        used = result["extraction"].get("manifest")
        if used and not as_json:
            typer.echo(f"page urls from {printable(used)} (id and url columns only)", err=True)
        if stages:
            from detente.evaluation_stages import GoldError, stage_figures
            from detente.ingest import IngestOptions
            from detente.ingest.manifest import read_manifest

            listed = read_manifest(Path(used), columns=("url",)) if used else None
            try:
                result["stages"] = stage_figures(gold_dir, source_dir, options=IngestOptions(manifest=listed))
            except GoldError as exc:
                raise typer.BadParameter(printable(exc), param_hint="GOLD_DIR") from exc
        if as_json:
            typer.echo(json.dumps(result, indent=2))
        else:
            for line in format_result(result):
                typer.echo(printable(line))  # missed and spurious events quote article text
            if stages:
                from detente.evaluation_stages import format_stages, iter_lost

                for line in format_stages(result["stages"]):
                    typer.echo(printable(line))
                if show_errors:
                    for line in iter_lost(result["stages"]):
                        typer.echo(printable(line))
        if baseline is not None:
            drops = check_baseline(result, baseline)
            for line in drops:
                typer.echo(f"BELOW BASELINE {line}", err=True)
            if drops:
                raise typer.Exit(1)
            typer.echo(f"all figures at or above {printable(baseline)}", err=True)
