"""What OParl 1.1 requires of the objects `protokollant export oparl` writes, written down from
the specification (https://dev.oparl.org/spezifikation/, OParl/spec `schema/` at v1.1.1) as
property types, and turned into JSON Schemas for the jsonschema package.

Not a copy of the official schema files: scripts/check_oparl.py validates an export against
those when they are given by path."""
from __future__ import annotations

# "url", "date", "date-time": strings of that format; "[x]": an array of x; "obj": an object.
_COMMON = {"id": "url", "type": "str", "name": "str", "license": "str", "keyword": "[str]", "created": "date-time",
           "modified": "date-time", "web": "url", "deleted": "bool"}
TYPES = {
    "Meeting": (("id", "type"), {
        "meetingState": "str", "cancelled": "bool", "start": "date-time", "end": "date-time", "location": "obj",
        "organization": "[url]", "participant": "[url]", "invitation": "obj", "resultsProtocol": "obj",
        "verbatimProtocol": "obj", "auxiliaryFile": "[obj]", "agendaItem": "[obj]"}),
    "AgendaItem": (("id", "type", "order"), {
        "meeting": "url", "number": "str", "order": "int", "public": "bool", "consultation": "url", "result": "str",
        "resolutionText": "str", "resolutionFile": "obj", "auxiliaryFile": "[obj]", "start": "date-time",
        "end": "date-time"}),
    "Organization": (("id", "type"), {
        "body": "url", "membership": "[url]", "shortName": "str", "post": "[str]", "subOrganizationOf": "url",
        "organizationType": "str", "classification": "str", "startDate": "date", "endDate": "date", "website": "url",
        "location": "obj", "externalBody": "url"}),
    "File": (("id", "type", "accessUrl"), {
        "fileName": "str", "mimeType": "str", "date": "date", "size": "int", "sha1Checksum": "str",
        "sha512Checksum": "str", "text": "str", "accessUrl": "url", "downloadUrl": "url", "externalServiceUrl": "url",
        "masterFile": "url", "derivativeFile": "[url]", "fileLicense": "url", "meeting": "[url]",
        "agendaItem": "[url]", "paper": "[url]"}),
    "Person": (("id", "type"), {
        "body": "url", "familyName": "str", "givenName": "str", "formOfAddress": "str", "affix": "str",
        "title": "[str]", "gender": "str", "phone": "[str]", "email": "[str]", "location": "url",
        "locationObject": "obj", "status": "[str]", "membership": "[obj]", "life": "str", "lifeSource": "str"}),
}
_SCALAR = {"str": {"type": "string"}, "url": {"type": "string", "format": "uri"}, "date": {"type": "string", "format": "date"},
           "date-time": {"type": "string", "format": "date-time"}, "int": {"type": "integer"},
           "bool": {"type": "boolean"}, "obj": {"type": "object"}}


def _prop(kind: str) -> dict:
    if kind.startswith("["):
        return {"type": "array", "items": _SCALAR[kind[1:-1]]}
    return _SCALAR[kind]


def schema(name: str) -> dict:
    required, props = TYPES[name]
    properties = {key: _prop(kind) for key, kind in {**_COMMON, **props}.items()}
    properties["type"] = {"type": "string", "const": f"https://schema.oparl.org/1.1/{name}"}
    return {"type": "object", "required": list(required), "properties": properties}
