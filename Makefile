# The two commands a newcomer needs (see README.md): `make run` and `make test`.
# Each installs what it needs first (idempotent, fast when nothing changed).
.PHONY: install run chat test lint

PYTEST_ARGS ?=

install:
	@scripts/install

run: install
	.venv/bin/haven run

chat: install
	.venv/bin/haven chat

test: install
	.venv/bin/python -m pytest -q $(PYTEST_ARGS)

lint: install
	.venv/bin/ruff check bot adapters inference storage tests
	.venv/bin/ruff format --check bot adapters inference storage tests
	.venv/bin/mypy bot adapters inference storage
