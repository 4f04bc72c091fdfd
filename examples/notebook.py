# %% [markdown]
# # partnergraph from Python
#
# A notebook-style walk (cells marked `# %%` open as cells in Jupyter, VS Code and
# PyCharm; `python examples/notebook.py` runs it whole). It builds the examples into a
# store, asks who partnered with KS, and draws the network. Run it from the repository.

# %%
import sys
from pathlib import Path

from partnergraph import queries
from partnergraph.graph import Answers, build, open_store, staged
from partnergraph.visualize import network_html, org_network

STORE = sys.argv[1] if len(sys.argv) > 1 else "out/notebook-store"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "out")

# %% Build: each document becomes one named graph; `staged` makes the new state current
# only when everything is written (as `partnergraph build` does).
if __name__ == "__main__":
    with staged(STORE) as store:
        report = build(["examples/"], store)
    print(f"built {len(report.documents)} documents, {report.triples} triples")

    # %% Ask: the store the CLI built opens with open_store (read-only here).
    store = open_store(STORE, read_only=True)
    ks = queries.find_organisations(store.select, "KS")
    print("KS is", [(o.label, o.country) for o in ks])
    partners = store.select(queries.bound(queries.load("partners"), {"org": ks[0].iri}))
    print(f"{len(partners)} partner rows; the first:", partners.dicts()[0]["partner_name"])

    # %% As a DataFrame (pandas installed), or as plain dicts (`partners.dicts()`). In a
    # notebook, `partners` on its own shows an HTML table.
    try:
        frame = partners.to_pandas()
        print(frame[["partner_name", "partner_country", "via_label"]].drop_duplicates())
    except ImportError as missing:
        print(missing)

    # %% The network: a NetworkX graph, and a page that shows itself in a notebook (an
    # iframe) or is saved as one offline file.
    graph = org_network(Answers(store))
    print(f"{graph.number_of_nodes()} organisations, {graph.number_of_edges()} links")
    page = network_html(graph)
    OUT.mkdir(parents=True, exist_ok=True)
    page.save(str(OUT / "notebook-network.html"))
    print("wrote", OUT / "notebook-network.html")
