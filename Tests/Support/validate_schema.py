#!/usr/bin/python3
"""Validates nhacviec YAML config files against the JSON Schema.

Usage: validate_schema.py SCHEMA YAML...

Prints one line per problem, `FILE:LINE:COL: error: KEY.PATH: message`
(like `nhacviec check`), and exits 0 when every file is valid, 1 when any file
has a problem, 2 on a usage or environment error (missing Python packages,
unreadable schema). The exit codes differ so that a broken environment can
never pass for "the file was rejected".

Uses Debian's python3-yaml and python3-jsonschema (4.10 on Debian 12, which
supports draft 2020-12).
"""

import json
import sys

try:
    import yaml
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError, best_match
except ImportError as error:
    print(f"validate_schema.py: {error} (install python3-yaml and python3-jsonschema)", file=sys.stderr)
    sys.exit(2)


class ConfigLoader(yaml.SafeLoader):
    """A SafeLoader that keeps dates as text.

    nhacviec reads `2024-04-29` and `due: 2024-10-31` as strings and parses
    them itself, so the schema describes them as strings; YAML's timestamp
    resolver would turn them into `date` objects first.
    """


ConfigLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def key_path(parts):
    """`tasks[3].lead`: dotted keys, bracketed sequence indexes (0-based)."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def node_at(root, parts):
    """The YAML node at a path of keys and indexes, or the deepest one found."""
    node = root
    for part in parts:
        if isinstance(node, yaml.MappingNode):
            match = next((value for key, value in node.value if key.value == part), None)
            if match is None:
                return node
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def key_node_at(root, parts, key):
    """The node of the key `key` in the mapping at `parts` (for unknown-key errors)."""
    mapping = node_at(root, parts)
    if isinstance(mapping, yaml.MappingNode):
        for key_node, _ in mapping.value:
            if key_node.value == key:
                return key_node
    return mapping


def duplicate_keys(node, parts):
    """(key node, path) for every repeated key: an error in nhacviec, but PyYAML
    silently keeps the last one and the schema never sees the first."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in seen:
                yield key_node, parts + [key]
            seen.add(key)
            yield from duplicate_keys(value_node, parts + [key])
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from duplicate_keys(item, parts + [index])


def closest_alternative(error):
    """The error of the anyOf/oneOf branch that fits the value's type, if one does."""
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    fitting = [
        errors for errors in branches.values()
        if not any(sub.validator == "type" and not sub.relative_path for sub in errors)
    ]
    if len(fitting) == 1:
        return best_match(fitting[0])
    return best_match(error.context)


def short(value):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def problems(error, root):
    """(node, path, message) triples for one jsonschema error, phrased for people."""
    parts = list(error.absolute_path)
    instance = error.instance
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        allowed = list(error.schema.get("properties", {}))
        for key in instance:
            if key not in allowed:
                yield (key_node_at(root, parts, key), parts + [key],
                       f"unknown key '{key}' (allowed: {', '.join(allowed)})")
        return
    if error.validator == "required" and isinstance(instance, dict):
        for key in error.validator_value:
            if key not in instance and error.message.startswith(repr(key)):
                yield (node_at(root, parts), parts + [key], f"missing required key '{key}'")
        return
    if error.validator == "oneOf" and all(
        isinstance(branch, dict) and list(branch) == ["required"] for branch in error.validator_value
    ):
        keys = [branch["required"][0] for branch in error.validator_value]
        given = [key for key in keys if isinstance(instance, dict) and key in instance]
        found = f" (found: {', '.join(given)})" if given else " (found none)"
        yield (node_at(root, parts), parts, f"exactly one of {', '.join(keys)} is required{found}")
        return
    if error.validator == "not" and isinstance(error.validator_value, dict) and "required" in error.validator_value:
        keys = error.validator_value["required"]
        reason = error.validator_value.get("$comment", f"{' and '.join(keys)} cannot be given together")
        if len(keys) == 1:
            yield (key_node_at(root, parts, keys[0]), parts + keys, reason)
        else:
            yield (node_at(root, parts), parts, reason)
        return
    if error.validator in ("anyOf", "oneOf") and error.context:
        # Say what the closest alternative wanted instead of dumping the value.
        closest = closest_alternative(error)
        if closest.relative_path:
            yield from problems(closest, root)
        else:
            yield (node_at(root, parts), parts, f"{short(instance)} is not valid here: {closest.message}")
        return
    message = error.message
    if isinstance(instance, (dict, list)):
        message = message.replace(repr(instance), short(instance))
    yield (node_at(root, parts), parts, message)


def location(path, node):
    mark = node.start_mark
    return f"{path}:{mark.line + 1}:{mark.column + 1}"


def validate(validator, path):
    """Prints every problem in one YAML file; returns how many there were."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except OSError as error:
        print(f"{path}: error: {error.strerror}")
        return 1
    loader = ConfigLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        print(f"{where}: error: {getattr(error, 'problem', None) or error}")
        return 1
    finally:
        loader.dispose()
    if root is None:
        print(f"{path}: error: the file is empty")
        return 1

    found = []
    for key_node, parts in duplicate_keys(root, []):
        found.append((key_node.start_mark.line, key_node.start_mark.column,
                      f"{location(path, key_node)}: error: {key_path(parts)}: duplicate key"))
    for error in validator.iter_errors(data):
        for node, parts, message in problems(error, root):
            found.append((node.start_mark.line, node.start_mark.column,
                          f"{location(path, node)}: error: {key_path(parts)}: {message}"))
    for _, _, line in sorted(found):
        print(line)
    return len(found)


def main(argv):
    if len(argv) < 3:
        print("usage: validate_schema.py SCHEMA YAML...", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as file:
            schema = json.load(file)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, SchemaError) as error:
        print(f"{argv[1]}: invalid schema: {error}", file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema)
    total = sum(validate(validator, path) for path in argv[2:])
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
