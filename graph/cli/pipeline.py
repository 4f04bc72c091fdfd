"""Commands that run the pipeline or its views: build, extract, resolve, reason, validate."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from partnergraph import queries

from ..build import BuildReport, build, extract_all
from ..publish import write_atomic
from ..record import to_record
from ..store import QueryResult, open_store, staged
from ..store.graphs import RESOLUTION
from ..triples import DEFAULT_BASE, web_iri
from ..validate import Finding, Validation, check
from .options import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    Parents,
    emit,
    err,
    judgements,
    printable,
)

__all__ = ["register"]


def register(sub: Any, parents: Parents) -> None:
    """Add the pipeline's commands to the subcommand parser ``sub``."""
    p = sub.add_parser(
        "build",
        parents=[parents.inputs, parents.store, parents.jobs],
        help="read documents (files, folders, globs) into the graph store",
        description="Read text and HTML documents, extract projects, organisations, places and "
        "events, and write one named graph per document into the store. A document built "
        "again replaces its own graph. Unreadable inputs are reported and skipped (exit 2).",
    )
    p.add_argument(
        "--base", default=DEFAULT_BASE, help=f"base of minted IRIs (default: {DEFAULT_BASE})"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    p.add_argument(
        "--no-validate", action="store_true", help="skip SHACL validation after the build"
    )
    p.add_argument(
        "--prune",
        action="store_true",
        help="remove documents (and their facts) whose files are gone: not given this time "
        "(files given but unreadable keep theirs)",
    )
    p.add_argument(
        "--reason", action="store_true", help="also write the inferred graph (see 'reason')"
    )
    p.add_argument(
        "--wait",
        action="store_true",
        help="if another build is writing to the store, wait for it (default: exit 2)",
    )
    p.add_argument(
        "--timings",
        action="store_true",
        help="print the seconds each stage took (reading, resolving, writing, summarising, "
        "flushing, reasoning, validating), by the clock",
    )
    p.set_defaults(handler=_build)

    p = sub.add_parser(
        "extract",
        parents=[parents.inputs, parents.jobs],
        help="print what is read from documents: one JSON object per document (gold schema)",
        description="Read documents like 'build' does (the same code path: read, extract, resolve) "
        "and print one JSON object per document, one per line, in the schema of the gold "
        "annotations: doc (the source URL, else the file's key), path (the file as given), "
        "kind, language, projects, organisations, places, events, cooperation_links. "
        "Nothing is written to the store.",
    )
    p.add_argument("--format", choices=("json",), default="json", help="json: one object per line")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (- or none: stdout)")
    p.set_defaults(handler=_extract)

    p = sub.add_parser(
        "resolve",
        parents=[parents.store],
        help="explain which names and sources became one organisation, and why",
        description="Show an organisation's identity: its canonical name, country, type, every "
        "name it was seen under with the documents that use it, and the rules (or your "
        "judgements) that made them one. Correct it with a judgements file given to 'build'.",
    )
    p.add_argument("--explain", required=True, metavar="NAME", help="a name, alias or acronym")
    p.set_defaults(handler=_resolve)

    p = sub.add_parser(
        "reason",
        parents=[parents.store],
        help="write the consequences of the ontology into the 'inferred' named graph",
        description="Materialise sub-properties, inverses, the symmetric cooperatesWith chain, "
        "domains, ranges and sub-classes into their own named graph; asserted data is untouched. "
        "Engines: 'rules' (SPARQL updates in the store, fast) or 'owlrl' (full OWL 2 RL, slow: "
        "about 100 s for 40k triples).",
    )
    p.add_argument("--engine", choices=("rules", "owlrl"), default="rules", help="default: rules")
    p.set_defaults(handler=_reason)

    p = sub.add_parser(
        "summarise",
        parents=[parents.store],
        help="rewrite the summary graph the listing questions read",
        description="Recompute the summary graph from the store: the whole answers of the "
        "listing questions cooperation_pairs, organisations, projects, events, "
        "partner_countries, repeat_partners, multi_country_events, donor_links, news_only and "
        "conflicting_values, and the partners rows of every organisation, which "
        "'query' then reads a page at a time instead of recomputing them. Every build does "
        "this; run it after changing the store by other means. The summary is left out of "
        "exports.",
    )
    p.set_defaults(handler=_summarise)

    p = sub.add_parser(
        "validate",
        parents=[parents.store, parents.output, parents.jobs],
        help="check the graph against the SHACL shapes; exit 1 on violations",
        description="Validate the asserted graph with pySHACL against ontology/shapes.ttl. Each "
        "finding names the node, the property, what is wrong and the source documents.",
    )
    p.set_defaults(handler=_validate)


def _build(args: argparse.Namespace) -> int:
    if web_iri(args.base) is None or not args.base.endswith(("/", "#")):
        err(f"--base {args.base!r}: give an http(s) IRI ending in / or #")
        return EXIT_INPUT
    activity = _Activity(enabled=not args.quiet and sys.stderr.isatty())
    progress = activity.progress if activity.enabled else None
    findings: list[Finding] = []
    validation: Validation | None = None
    try:
        with activity, staged(args.store, wait=args.wait) as store:  # current when all is written
            report = build(
                args.paths,
                store,
                base=args.base,
                max_bytes=int(args.max_mb * 1024 * 1024),
                progress=progress,
                judgements=judgements(args.judgements),
                prune=args.prune,
                jobs=args.jobs,
                doc_seconds=args.doc_timeout,
                follow_links=args.follow_links,
            )
            if not report.documents and not report.unchanged:
                raise _NothingBuilt(report)
            if args.reason:
                from ..reason import reason

                activity.say("reasoning (rules)")
                started = time.perf_counter()
                done = reason(store)
                report.timed("reasoning", started)
                if not args.quiet:
                    print(f"inferred {done.inferred} triples ({done.engine}, {done.seconds:.1f} s)")
            if not args.no_validate and report.graphs:
                # what this build wrote, and the nodes it touches (the rest was checked when
                # it was built; 'partnergraph validate' checks everything)
                activity.say(f"validating {len(report.graphs)} document(s) with the SHACL shapes")
                started = time.perf_counter()
                validation = check(store, report.graphs, jobs=args.jobs)
                report.timed("validating", started)
                findings = validation.violations
            activity.say("making the new generation current")
    except _NothingBuilt as nothing:
        report = nothing.report
    for problem in report.problems:
        err(f"skipped {problem}")
    _warn_unjudged(report.unjudged)
    if args.timings and report.timings:
        stages = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.timings.items())
        print(f"timings (by the clock): {stages}", file=sys.stderr)
    if not args.quiet:
        for path, notes in sorted(report.notes.items()):
            for note in notes:
                print(printable(f"note: {path}: {note}"), file=sys.stderr)
        where = args.store or "the store"
        removed = (
            f"; removed {len(report.removed)} document(s) no longer there" if report.removed else ""
        )
        built = f"built {len(report.documents)} document(s), {report.triples} triples"
        if report.unchanged:
            built += f", {len(report.unchanged)} unchanged (not read again)"
        if report.rewritten:
            built += f", {report.rewritten} built before rewritten with new identities"
        print(f"{built}, into {where}{removed}")
        if validation is not None:
            print(
                f"validated {validation.nodes} node(s) of {validation.documents} document(s) "
                f"with the SHACL shapes: {len(findings)} violation(s)"
            )
    if report.prune_held:
        err(
            f"--prune removed nothing: {report.prune_held} input(s) are there but could not be "
            "read, and which stored documents they are cannot be told; fix them, or leave them "
            "out of the paths, then prune"
        )
    if not report.documents and not report.unchanged:
        err("no document could be read; the store is unchanged")
        return EXIT_INPUT
    if report.problems:
        return EXIT_INPUT
    if findings:
        for finding in findings[:20]:
            print(finding, file=sys.stderr)
        more = (
            " (the first 20 shown; 'partnergraph validate' lists all)" if len(findings) > 20 else ""
        )
        err(f"{len(findings)} SHACL violation(s){more}")
        return EXIT_FINDINGS
    return EXIT_OK


def _warn_unjudged(names: tuple[str, ...]) -> None:
    for name in names:
        err(
            f"warning: the judgements name {name!r}, which names no organisation of these "
            "documents (a name, alias or IRI as 'query organisations' shows them); not applied"
        )


class _NothingBuilt(Exception):
    """No input was readable: the new generation is dropped, the store stays as it was."""

    def __init__(self, report: BuildReport) -> None:
        super().__init__("nothing built")
        self.report = report


class _Activity:
    """What a long command is doing, on a terminal's standard error: a spinner with the
    step and the document at hand (rich), gone when the command ends. Off when not a
    terminal, or with -q."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self._status: Any = None
        self._counts: dict[str, int] = {}

    def __enter__(self) -> _Activity:
        if self.enabled:
            from rich.console import Console

            self._status = Console(stderr=True).status("reading documents")
            self._status.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._status is not None:
            self._status.__exit__(*exc)
            self._status = None

    def say(self, text: str) -> None:
        if self._status is not None:
            self._status.update(printable(text))

    def progress(self, action: str, path: str) -> None:
        self._counts[action] = self._counts.get(action, 0) + 1
        shown = printable(path)[-60:]
        self.say(f"{action} {self._counts[action]}: {shown}")


def _extract(args: argparse.Namespace) -> int:
    results, problems, resolution = extract_all(
        args.paths,
        max_bytes=int(args.max_mb * 1024 * 1024),
        judgements=judgements(args.judgements),
        jobs=args.jobs,
        doc_seconds=args.doc_timeout,
        follow_links=args.follow_links,
    )
    lines = [
        json.dumps(to_record(doc, ex, resolution), ensure_ascii=False, sort_keys=True)
        for doc, ex in results
    ]
    text = "".join(f"{line}\n" for line in lines)
    if args.output and args.output != "-":
        write_atomic(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    for problem in problems:
        err(f"skipped {problem}")
    _warn_unjudged(resolution.unmatched)
    return EXIT_INPUT if problems or not results else EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    store = open_store(args.store, read_only=True)
    explain = queries.tool("explain")
    rows = store.select(queries.bound(explain, {"wanted": args.explain})).dicts()
    if not rows:
        err(f"no organisation is called {args.explain!r} (any case); try 'query organisations'")
        return EXIT_INPUT
    why = queries.tool("reasons")
    for org in dict.fromkeys(str(r["org"]) for r in rows):
        mine = [r for r in rows if r["org"] == org]
        first = mine[0]
        print(f"{first['canonical']}  <{org}>")
        print(f"  country: {first['country'] or '?'}   type: {first['type'] or '?'}")
        names: dict[str, list[str]] = {}
        for r in mine:
            if r["name"]:
                names.setdefault(str(r["name"]), []).append(str(r["source"]))
        print("  names seen, and where:")
        for name, sources in sorted(names.items()):
            print(f"    {name}: {', '.join(sorted(set(sources)))}")
        reasons = store.select(queries.bound(why, {"org": org, "graph": RESOLUTION})).rows
        print("  why these are one:")
        for (reason,) in reasons or [("only one name was seen",)]:
            print(f"    {reason}")
    return EXIT_OK


def _reason(args: argparse.Namespace) -> int:
    from ..reason import reason

    activity = _Activity(enabled=sys.stderr.isatty())
    with activity, staged(args.store) as store:
        activity.say(f"reasoning ({args.engine}; owlrl takes minutes on large graphs)")
        report = reason(store, engine=args.engine)
    print(
        f"inferred {report.inferred} triples from {report.asserted} with {report.engine} "
        f"in {report.seconds:.2f} s ({report.rounds} round(s)); "
        "queries and exports use them with --inferred"
    )
    return EXIT_OK


def _summarise(args: argparse.Namespace) -> int:
    from ..summary import summarise

    with staged(args.store) as store:
        sizes = summarise(store, fresh=True)  # on demand: read everything again
    print("summarised " + ", ".join(f"{name} ({n} rows)" for name, n in sizes.items()))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    store = open_store(args.store, read_only=True)
    findings = check(store, jobs=args.jobs).findings
    if args.format == "table" and not args.output:
        for finding in findings:
            print(finding)
        violations = sum(f.severity == "violation" for f in findings)
        print(f"{len(findings)} finding(s), {violations} violation(s)")
    else:
        variables = ("severity", "label", "node", "path", "value", "message", "sources")
        rows = tuple(
            (f.severity, f.label, f.node, f.path, f.value, f.message, " | ".join(f.sources))
            for f in findings
        )
        emit(QueryResult(variables, rows), args.format, args.output)
    return EXIT_FINDINGS if any(f.severity == "violation" for f in findings) else EXIT_OK
