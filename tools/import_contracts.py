"""An import-linter contract the stock ones cannot express: "these modules never import
``PySide6.QtWidgets``". grimp squashes an external package to its top level (``PySide6``), so
this contract reads the import lines grimp recorded for each direct import of that package.

Configured in pyproject.toml (``contract_types``); ``lint-imports`` runs from the checkout, which
puts ``tools`` on the path.
"""

from __future__ import annotations

import re
from typing import cast

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck
from importlinter.domain.imports import Module


class ForbiddenExternalSubmoduleContract(Contract):
    """``source_modules`` (and everything under them) never import any of ``forbidden_submodules`` directly."""

    type_name = "forbidden_external_submodule"

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden_submodules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        wanted = [str(name) for name in cast(list[str], self.forbidden_submodules)]
        packages = {name.split(".")[0] for name in wanted}
        patterns = [re.compile(rf"\b{re.escape(name)}\b") for name in wanted]
        found: list[tuple[str, int, str]] = []
        for source in cast(list[Module], self.source_modules):
            for importer in sorted({source.name} | graph.find_descendants(source.name)):
                for package in packages:
                    if not graph.direct_import_exists(importer=importer, imported=package):
                        continue
                    for detail in graph.get_import_details(importer=importer, imported=package):
                        line = str(detail["line_contents"])
                        if any(pattern.search(line) for pattern in patterns):
                            found.append((importer, int(detail["line_number"]), line))
        return ContractCheck(kept=not found, warnings=None, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, line_number, line in check.metadata["found"]:
            output.print_error(f"{importer}:{line_number}: {line}")
            output.new_line()
