"""Who wrote, edited and published a story: the byline under the title and the credit lines.

One file a job, each built on the ones before it: `outlets.py` (what names an outlet),
`names.py` (person names), `fields.py` (labels and the fields of a line), `lines.py` (credit
lines), `byline.py` (a byline read whole, wire datelines), `captions.py` (picture credits).
Labels and the role each stands for are `tables/roles.toml`; family names (to split names the
translation ran together) are `tables/family_names.txt`.
"""

from newsmend.credits.byline import Byline, looks_like_byline, parse_byline, persons, read_dateline
from newsmend.credits.captions import (
    PICTURE_CREDIT_END,
    caps_credit_start,
    caption_credits,
    closes_on_picture_credit,
    is_picture_credit,
    picture_credit_opening,
)
from newsmend.credits.fields import (
    DATE_LABEL,
    GROUPS,
    LABEL,
    MAX_BYLINE_CHARS,
    NOBODY,
    PERSON_ROLES,
    ROLES,
    TIME_AFTER,
    has_label,
    opens_with_by,
    opens_with_person_label,
    unwrap,
)
from newsmend.credits.lines import (
    bracketed_credits,
    chinese_credits,
    is_cjk_credit,
    parse_credit_fields,
    parse_credit_line,
)
from newsmend.credits.names import (
    FAMILY_NAMES,
    NAME_SEPARATOR,
    family_named,
    is_bare_name,
    is_writer_name,
    looks_like_chinese_names,
    split_names,
)
from newsmend.credits.outlets import (
    CHINESE_OUTLET,
    CONNECTORS,
    is_own_site,
    is_site_name,
    outlet_name,
    site_domain,
)

__all__ = [
    "CHINESE_OUTLET",
    "CONNECTORS",
    "DATE_LABEL",
    "FAMILY_NAMES",
    "GROUPS",
    "LABEL",
    "MAX_BYLINE_CHARS",
    "NAME_SEPARATOR",
    "NOBODY",
    "PERSON_ROLES",
    "PICTURE_CREDIT_END",
    "ROLES",
    "TIME_AFTER",
    "Byline",
    "bracketed_credits",
    "caps_credit_start",
    "caption_credits",
    "chinese_credits",
    "closes_on_picture_credit",
    "family_named",
    "has_label",
    "is_bare_name",
    "is_cjk_credit",
    "is_own_site",
    "is_picture_credit",
    "is_site_name",
    "is_writer_name",
    "looks_like_byline",
    "looks_like_chinese_names",
    "opens_with_by",
    "opens_with_person_label",
    "outlet_name",
    "parse_byline",
    "parse_credit_fields",
    "parse_credit_line",
    "persons",
    "picture_credit_opening",
    "read_dateline",
    "site_domain",
    "split_names",
    "unwrap",
]
