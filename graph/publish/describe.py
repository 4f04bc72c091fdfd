"""A DCAT-AP 3 catalogue record for the graph, with VoID statistics.

The record is generated from the graph: temporal coverage from its dates, spatial coverage
from its countries, VoID counts from its triples; what only a publisher knows (title,
publisher, licence, where the files will be downloaded) comes from options with plain
defaults. No clock time is written: the same graph and options give the same record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SH, SKOS, VOID, XSD

from ..store import GraphStore
from ..store.graphs import SUPPORT, asserted_filter

__all__ = ["Description", "check", "describe", "load_shapes"]

_EU = "http://publications.europa.eu/resource/authority/"
_FILE_TYPES = {
    "turtle": ("graph.ttl", "RDF_TURTLE", "text/turtle"),
    "trig": ("graph.trig", "RDF_TRIG", "application/trig"),
    "nt": ("graph.nt", "RDF_N_TRIPLES", "application/n-triples"),
    "jsonld": ("graph.jsonld", "JSON_LD", "application/ld+json"),
}
_THEMES = ("GOVE", "REGI", "SOCI")  # government and public sector; regions and cities; society


@dataclass(frozen=True)
class Description:
    """What a publisher states about the dataset."""

    base: str = "https://w3id.org/partnergraph/id/"
    title: str = "Institutional cooperation knowledge graph"
    description: str = (
        "Projects, organisations, places and events of institutional cooperation (EEA and "
        "Norway Grants), extracted by partnergraph from project pages, news and portal data, "
        "with the source of every fact."
    )
    publisher: str = "partnergraph user"
    publisher_iri: str | None = None
    licence: str = _EU + "licence/CC_BY_4_0"
    download_base: str | None = None
    keywords: tuple[str, ...] = field(
        default=(
            "institutional cooperation",
            "EEA and Norway Grants",
            "partner network",
            "bilateral cooperation",
        )
    )


def describe(store: GraphStore, desc: Description) -> Graph:
    """The DCAT-AP 3 catalogue, dataset, one distribution per export format, and VoID."""
    g = Graph()
    for prefix, ns in (
        ("dcat", DCAT),
        ("dcterms", DCTERMS),
        ("foaf", FOAF),
        ("void", VOID),
        ("skos", SKOS),
    ):
        g.bind(prefix, ns)
    base = desc.base.rstrip("/") + "/"
    catalog = URIRef(base + "catalog")
    dataset = URIRef(base + "dataset")
    publisher = URIRef(desc.publisher_iri or base + "publisher")
    licence = URIRef(desc.licence)
    downloads = (desc.download_base or base + "download/").rstrip("/") + "/"

    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(desc.publisher, lang="en")))
    g.add((licence, RDF.type, DCTERMS.LicenseDocument))

    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(f"{desc.title} — catalogue", lang="en")))
    g.add((catalog, DCTERMS.description, Literal(desc.description, lang="en")))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, DCAT.dataset, dataset))

    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, DCTERMS.title, Literal(desc.title, lang="en")))
    g.add((dataset, DCTERMS.description, Literal(desc.description, lang="en")))
    g.add((dataset, DCTERMS.publisher, publisher))
    g.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    for keyword in desc.keywords:
        g.add((dataset, DCAT.keyword, Literal(keyword, lang="en")))
    scheme = URIRef(_EU + "data-theme")
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, DCTERMS.title, Literal("Data theme", lang="en")))
    for theme in _THEMES:
        iri = URIRef(f"{_EU}data-theme/{theme}")
        g.add((dataset, DCAT.theme, iri))
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, SKOS.inScheme, scheme))
        g.add((iri, SKOS.prefLabel, Literal(theme, lang="en")))

    first, last = _period(store)
    if first and last:
        period = URIRef(base + "dataset/temporal")
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(first, datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(last, datatype=XSD.date)))
        g.add((dataset, DCTERMS.temporal, period))
    for country in _countries(store):
        iri = URIRef(country)
        g.add((dataset, DCTERMS.spatial, iri))
        g.add((iri, RDF.type, DCTERMS.Location))

    for fmt, (name, file_type, media) in sorted(_FILE_TYPES.items()):
        dist = URIRef(f"{base}dataset/distribution/{fmt}")
        url = URIRef(downloads + name)
        g.add((dataset, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(f"{desc.title} ({fmt})", lang="en")))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCTERMS.license, licence))
        fmt_iri = URIRef(f"{_EU}file-type/{file_type}")
        g.add((dist, DCTERMS["format"], fmt_iri))
        g.add((fmt_iri, RDF.type, DCTERMS.MediaTypeOrExtent))
        media_iri = URIRef(f"http://www.iana.org/assignments/media-types/{media}")
        g.add((dist, DCAT.mediaType, media_iri))
        g.add((media_iri, RDF.type, DCTERMS.MediaType))

    for prop, value in _void(store).items():
        g.add((dataset, VOID[prop], Literal(value, datatype=XSD.integer)))
    g.add((dataset, VOID.dataDump, URIRef(downloads + _FILE_TYPES["turtle"][0])))
    for name, (target, count) in sorted(_links(store).items()):
        linkset = URIRef(f"{base}dataset/linkset/{name}")
        g.add((linkset, RDF.type, VOID.Linkset))
        g.add((linkset, VOID.subjectsTarget, dataset))
        g.add((linkset, VOID.objectsTarget, URIRef(target)))
        g.add((linkset, VOID.triples, Literal(count, datatype=XSD.integer)))
        g.add((dataset, VOID.subset, linkset))
    return g


#: Datasets the graph links to, by the namespace of the linked IRIs.
LINK_TARGETS = {
    "eu-countries": (_EU + "country/", _EU + "country"),
    "nuts": ("http://data.europa.eu/nuts/code/", "http://data.europa.eu/nuts"),
    "wikidata": ("http://www.wikidata.org/entity/", "http://www.wikidata.org/"),
}


def _links(store: GraphStore) -> dict[str, tuple[str, int]]:
    out = {}
    for name, (namespace, target) in LINK_TARGETS.items():
        rows = store.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(isIRI(?o) && "
            f'STRSTARTS(STR(?o), "{namespace}")) {_ASSERTED} }}'
        ).rows
        count = int(rows[0][0] or 0)
        if count:
            out[name] = (target, count)
    return out


#: The documents' graphs: not the union, inferred or staging graphs, nor the build's own.
_ASSERTED = f"FILTER{asserted_filter('?g', *SUPPORT)}"


def _period(store: GraphStore) -> tuple[str | None, str | None]:
    rows = store.select(
        "SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { GRAPH ?g { ?x ?p ?d } "
        "VALUES ?p { <https://schema.org/startDate> <https://schema.org/endDate> } "
        f"FILTER(DATATYPE(?d) = <http://www.w3.org/2001/XMLSchema#date>) {_ASSERTED} }}"
    ).rows
    return (rows[0][0], rows[0][1]) if rows else (None, None)


def _countries(store: GraphStore) -> list[str]:
    rows = store.select(
        "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?x <https://w3id.org/partnergraph/ns#country> ?c } "
        f"{_ASSERTED} }} ORDER BY ?c"
    ).rows
    return [str(r[0]) for r in rows]


def _void(store: GraphStore) -> dict[str, int]:
    queries = {
        "triples": (
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
            "GRAPH ?g { ?s ?p ?o } %s } }"
        ),
        "entities": (
            "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s)) %s }"
        ),
        "classes": "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g { ?s a ?o } %s }",
        "properties": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } %s }",
        "distinctSubjects": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } %s }",
        "distinctObjects": "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } %s }",
    }
    out = {name: int(store.select(q % _ASSERTED).rows[0][0] or 0) for name, q in queries.items()}
    return out


def load_shapes(folder: str | Path) -> tuple[Graph, int]:
    """The SHACL shapes in a folder (e.g. the official DCAT-AP 3.0.1 files), made loadable.

    The published DCAT-AP 3.0.1 files name a few property shapes (``sh:property``) that
    neither file defines, and pySHACL refuses a dangling shape; those references are
    dropped. Returns the shapes and how many references were dropped.
    """
    shapes = Graph()
    files = sorted(Path(folder).glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"{folder}: no .ttl shapes here")
    for f in files:
        shapes.parse(f, format="turtle")
    dangling = [
        (s, o) for s, o in shapes.subject_objects(SH.property) if (o, SH.path, None) not in shapes
    ]
    for s, o in dangling:
        shapes.remove((s, SH.property, o))
    return shapes, len(dangling)


def check(description: Graph, folder: str | Path) -> tuple[bool, str]:
    """Validate a description against the shapes in ``folder``; (conforms, report text)."""
    import pyshacl

    shapes, _dropped = load_shapes(folder)
    conforms, _graph, text = pyshacl.validate(
        description, shacl_graph=shapes, inference="none", allow_warnings=True
    )
    return bool(conforms), str(text)
