"""Count the content words written into Python literals: vocabulary that belongs in ``rules/``.

Domain knowledge (kin words, verbs of a frame, group nouns, ...) should live in ``rules/`` where a
researcher can read and edit it; this counts what is still written in code. It reads every ``.py``
file under the given folders (default ``src/``) and looks at three kinds of literal:

* collections: a set, list or tuple of three or more word-like strings, a two-string tuple tested
  with ``in`` (``prev in ("named", "nicknamed")``), and the keys of a dict literal or ``dict(...)``
  call with three or more word-like keys;
* word strings: a string of three or more words and nothing else, split into words
  (``"told asked rang".split()``, ``_words("told asked rang")``);
* regex alternations: three or more word alternatives in a group (``(?:team|group|ward)``).

A word-like string is one to three words of letters (with ``'`` and ``-``); docstrings, messages,
upper-case tags and labels (``"VERB"``, ``"PERSON"``) and snake_case keys are not vocabulary.
Grammar words (articles, pronouns, auxiliaries, prepositions, conjunctions, determiners, the number
words and ordinal endings, the particles of names in other languages: closed classes) may stay in
code and are not counted; nor are identifiers written as strings (``"AddressBlockRecognizer"``),
the values of a command-line option (``click.Choice``) or spaCy's annotation codes compared with a
token's ``tag_``, ``dep_``, ``ent_type_``.

Not vocabulary either, but counted apart and shown: the names of a format's parts and fields (docx
part names, QDPX element names, JSON keys of qualdeid's own output, report section ids, reason codes,
the role codes of qualdeid's data model). Such a literal is marked by a comment ``# format: WHAT`` on
its first line, the line that closes it, or alone on the line above it; every marked literal is listed with
``--list`` and totalled as "format/schema words", so no word is hidden from both counts.

Prints one line per literal with its content words (``--list``), and the totals: literals, content
words summed over literals, and distinct content words; then the same for format/schema words.

    python3 tools/count_content_words.py            # totals for src/
    python3 tools/count_content_words.py --list     # every literal that counts, largest first
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

_GRAMMAR = """
    a an the this that these those such what which who whom whose
    i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its
    itself we us our ours ourselves they them their theirs themselves one ones u ya yous
    be am is are was were been being have has had having do does did doing done
    will would shall should can could may might must ought
    isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't
    shouldn't can't cannot couldn't mustn't mightn't needn't
    isnt arent wasnt werent hasnt havent hadnt doesnt dont didnt wont wouldnt shouldnt cant couldnt
    i'm i've i'd i'll you're you've you'd you'll he's she's it's we're we've they're they've
    im ive id ill youre its
    and or but nor so yet if then else because cos coz as than though although while whilst until till
    til unless whether when whenever where wherever why how that since once before after
    of in on at to from by with without within into onto upon about above below over under through
    across along around round among amongst between beside besides beyond near off out up down
    toward towards via per against during except inside outside past behind ahead aboard
    all any both each every either neither no none some few many much more most less least several
    other another own same such only just also too very not n't
    there here now s 's t for like never ago away back
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
    dozen dozens hundreds thousands scores st nd rd th ca
    teens twenties thirties forties fifties sixties seventies eighties nineties
    de der du la le van von xe ze xem zir
"""
GRAMMAR_WORDS = frozenset(_GRAMMAR.split())

_FORMAT = re.compile(r"#\s*format:\s*(.*)$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_WORDLIKE = re.compile(r"[A-Za-z][A-Za-z'’.-]*(?: [A-Za-z][A-Za-z'’.-]*){0,2}")
_WORD_STRING = re.compile(r"\s*[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*){2,}\s*")
#: a group's body split at top-level "|" is judged alternative by alternative
_ALTERNATIVE = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:(?:\[ \\t\]\+|\[ \\t-\]\+|\\s\+| )[A-Za-z][A-Za-z'’-]*)*(?:s\?|\?)?")


@dataclass
class Literal:
    path: str
    line: int
    kind: str
    words: frozenset[str]
    #: what the ``# format:`` comment says the literal names (empty: content vocabulary)
    format: str = ""


def content_words(text: str) -> set[str]:
    words = set()
    for w in _WORD.findall(text):
        low = w.lower().replace("’", "'").strip("'-")
        if len(low) >= 2 and low not in GRAMMAR_WORDS:
            words.add(low)
    return words


def _wordlike(value: object) -> bool:
    return (
        isinstance(value, str)
        and _WORDLIKE.fullmatch(value) is not None
        and not value.isupper()
        and "_" not in value
        and not (value[:1].isupper() and value[1:2].isupper())
        and not any(c.isupper() for c in value[1:] if value.isalpha())  # CamelCase: a name in the code
    )


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


#: spaCy token attributes holding annotation codes (tags, dependency labels, entity types)
_ANNOTATION_ATTRIBUTES = frozenset({"dep_", "pos_", "tag_", "ent_type_", "label_"})


def _annotation_code(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in _ANNOTATION_ATTRIBUTES


def _strings(node: ast.AST) -> list[str] | None:
    """The string elements of a set/list/tuple literal (None if any element is not a string)."""
    if isinstance(node, ast.Starred):
        return []
    if not isinstance(node, ast.Set | ast.List | ast.Tuple):
        return None
    out = []
    for elt in node.elts:
        if isinstance(elt, ast.Constant) and isinstance(elt.value, str):
            out.append(elt.value)
        elif isinstance(elt, ast.Starred):
            continue
        else:
            return None
    return out


def _alternations(pattern: str) -> list[set[str]]:
    """Groups of three or more word alternatives in a regular expression."""
    found = []
    depth_start: list[int] = []
    groups = []
    for i, ch in enumerate(pattern):
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth_start.append(i)
        elif ch == ")" and (i == 0 or pattern[i - 1] != "\\") and depth_start:
            start = depth_start.pop()
            groups.append(pattern[start + 1 : i])
    groups.append(pattern)
    for body in groups:
        body = re.sub(r"^\?(?::|i:|-i:|<!|<=|=|!|P<\w+>)", "", body)
        parts, depth, current = [], 0, ""
        for ch in body:
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            if ch == "|" and depth == 0:
                parts.append(current)
                current = ""
            else:
                current += ch
        parts.append(current)
        words = [p for p in parts if _ALTERNATIVE.fullmatch(p)]
        if len(words) >= 3:
            found.append(set().union(*(content_words(w) for w in words)))
    return found


class Counter(ast.NodeVisitor):
    def __init__(self, path: str, tree: ast.AST, source: str = "") -> None:
        self.path = path
        #: line number -> what a ``# format:`` comment on that line says
        self._format = {
            i: m.group(1).strip() for i, line in enumerate(source.splitlines(), 1) if (m := _FORMAT.search(line))
        }
        #: the same, for comment-only lines (a marker on the line above a literal)
        self._format_above = {
            i: what for i, what in self._format.items() if source.splitlines()[i - 1].lstrip().startswith("#")
        }
        self.literals: list[Literal] = []
        self._seen: set[int] = set()
        self._parent = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}

    def add(self, node: ast.AST, kind: str, words: set[str]) -> None:
        if words:
            first = getattr(node, "lineno", 0)
            last = getattr(node, "end_lineno", first) or first
            marked = self._format.get(first) or self._format.get(last) or self._format_above.get(first - 1, "")
            self.literals.append(Literal(self.path, first, kind, frozenset(words), marked))

    def _mark(self, node: ast.AST) -> None:
        for sub in ast.walk(node):
            self._seen.add(id(sub))

    def visit_Module(self, node: ast.Module) -> None:
        self._skip_docstring(node)
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            self._mark(node)  # export lists name code, not vocabulary
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._skip_docstring(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._skip_docstring(node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def _skip_docstring(self, node: ast.AST) -> None:
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self._mark(body[0])

    def _word_list(self, node: ast.AST) -> bool:
        """A string of words that is split into a list: ``"a b c".split()``, ``wordset("a b c")``."""
        parent = self._parent.get(id(node))
        while isinstance(parent, ast.BinOp | ast.JoinedStr):
            node, parent = parent, self._parent.get(id(parent))
        if isinstance(parent, ast.Attribute) and parent.attr == "split":
            return True
        if not isinstance(parent, ast.Call):
            return False
        name = _callee(parent)
        return "wordset" in name or name.endswith("words") or (name in ("set", "frozenset") and node in parent.args)

    def visit_Compare(self, node: ast.Compare) -> None:
        if _annotation_code(node.left):
            self._mark(node)  # "t.dep_ in ('nsubj', ...)": spaCy's annotation codes, not words
            return
        for op, right in zip(node.ops, node.comparators, strict=True):
            strings = _strings(right) if isinstance(op, ast.In | ast.NotIn) else None
            if strings and len(strings) == 2 and all(_wordlike(s) for s in strings) and id(right) not in self._seen:
                self.add(right, "in-test", set().union(*(content_words(s) for s in strings)))
                self._mark(right)
        self.generic_visit(node)

    def _collection(self, node: ast.AST) -> None:
        strings = _strings(node)
        if id(node) in self._seen or strings is None:
            return
        words = [s for s in strings if _wordlike(s)]
        if len(words) >= 3:
            self.add(node, "collection", set().union(*(content_words(s) for s in words)))
            self._mark(node)

    def visit_Set(self, node: ast.Set) -> None:
        self._collection(node)
        self.generic_visit(node)

    visit_List = visit_Set  # type: ignore[assignment]
    visit_Tuple = visit_Set  # type: ignore[assignment]

    def visit_Dict(self, node: ast.Dict) -> None:
        keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and _wordlike(k.value)]
        constant = all(_constant(v) for v in node.values)  # a table, not a record built from variables
        if len(keys) >= 3 and constant and id(node) not in self._seen:
            self.add(node, "dict keys", set().union(*(content_words(k) for k in keys)))
            for k in node.keys:
                if k is not None:
                    self._mark(k)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if _callee(node) == "Choice":
            self._mark(node)  # click.Choice(["json", "table"]): the values of a command-line option
            return
        if isinstance(node.func, ast.Name) and node.func.id == "dict" and len(node.keywords) >= 3:
            names = [k.arg for k in node.keywords if k.arg]
            self.add(node, "dict keys", set().union(*(content_words(n) for n in names)))
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        self._string(node, text)
        self._mark(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and id(node) not in self._seen:
            self._string(node, node.value)

    def _string(self, node: ast.AST, text: str) -> None:
        if _WORD_STRING.fullmatch(text):
            if self._word_list(node):
                self.add(node, "word string", content_words(text))
            return  # otherwise a message
        if "|" in text:
            for words in _alternations(text):
                self.add(node, "alternation", words)


def _constant(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return all(_constant(e) for e in node.elts)
    return isinstance(node, ast.UnaryOp) and _constant(node.operand)


def count(paths: list[Path]) -> list[Literal]:
    literals: list[Literal] = []
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for f in files:
            source = f.read_text(encoding="utf-8")
            tree = ast.parse(source, filename=str(f))
            counter = Counter(str(f), tree, source)
            counter.visit(tree)
            literals.extend(counter.literals)
    return literals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("src")])
    parser.add_argument("--list", action="store_true", help="every literal that counts, largest first")
    args = parser.parse_args(argv)
    literals = count(args.paths)
    content = [lit for lit in literals if not lit.format]
    schema = [lit for lit in literals if lit.format]
    if args.list:
        for lit in sorted(content, key=lambda x: (-len(x.words), x.path, x.line)):
            shown = " ".join(sorted(lit.words))
            print(f"{len(lit.words):4d}  {lit.path}:{lit.line}  {lit.kind}: {shown[:150]}")
        print("format/schema literals (marked '# format:'):")
        for lit in sorted(schema, key=lambda x: (-len(x.words), x.path, x.line)):
            shown = " ".join(sorted(lit.words))
            print(f"{len(lit.words):4d}  {lit.path}:{lit.line}  {lit.kind} [{lit.format}]: {shown[:130]}")
    for name, group in (("content words", content), ("format/schema words", schema)):
        total = sum(len(lit.words) for lit in group)
        distinct = len(set().union(*(lit.words for lit in group))) if group else 0
        print(f"{name}: {total} in {len(group)} literals  distinct: {distinct}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
