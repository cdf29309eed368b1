"""The Prefect automation behind `newsmend alerts install`: every `newsmend.quality.alert`
event a run emits (flows/clean.py) sends a notification through a block the operator made
(Slack, e-mail, a webhook: any Prefect notification block)."""

from __future__ import annotations

from prefect.automations import Automation, EventTrigger, Posture, SendNotification
from prefect.blocks.core import Block

EVENT = "newsmend.quality.alert"
AUTOMATION = "newsmend quality alert"
SUBJECT = "newsmend: quality alert in run {{ event.payload.run_id }}"
BODY = (
    "Run {{ event.payload.run_id }} of {{ event.resource.id }}:\n"
    "{% for alert in event.payload.alerts %}- {{ alert }}\n{% endfor %}"
)


class AlertSetupError(Exception):
    """The notification block cannot be used; the message says why."""


def install(block: str) -> Automation:
    """Create (or replace) the automation, notifying through the block `type-slug/name`."""
    try:
        notifier = Block.load(block)
    except (ValueError, KeyError) as error:
        raise AlertSetupError(
            f"--block {block!r}: no such Prefect block ({error}); give it as type/name, "
            "e.g. slack-webhook/ops, as `prefect block ls` lists it"
        ) from None
    if not hasattr(notifier, "notify"):
        raise AlertSetupError(f"--block {block!r} is not a notification block")
    try:
        Automation.read(name=AUTOMATION).delete()
    except ValueError:
        pass  # none yet
    return Automation(
        name=AUTOMATION,
        description="A newsmend run's quality figures moved far from the recent runs.",
        trigger=EventTrigger(
            expect={EVENT},
            match={"prefect.resource.id": "newsmend.output.*"},
            posture=Posture.Reactive,
            threshold=1,
        ),
        actions=[
            SendNotification(
                block_document_id=notifier._block_document_id, subject=SUBJECT, body=BODY
            )
        ],
    ).create()
