"""Patches applied to a module once it is imported, whoever imports it (and at once to one
imported already)."""
import importlib.abc
import sys

_WHEN = {}


def when_imported(name, patch):
    """Calls {@code patch(module)} when module {@code name} has been executed."""
    _WHEN.setdefault(name, []).append(patch)
    if name in sys.modules:
        patch(sys.modules[name])
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname not in _WHEN:
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            find = getattr(finder, "find_spec", None)
            if find is None:
                continue
            spec = find(fullname, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _Loader(spec.loader, fullname)
                return spec
        return None


class _Loader(importlib.abc.Loader):
    def __init__(self, loader, name):
        self._loader = loader
        self._name = name

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        for patch in _WHEN.get(self._name, ()):
            patch(module)
