"""The compiled text core (newsmend/_textcore.c), built by `pip install -e .` / `make setup`;
everything else about the package is in pyproject.toml."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("newsmend._textcore", ["newsmend/_textcore.c"], extra_compile_args=["-O2"])
    ]
)
