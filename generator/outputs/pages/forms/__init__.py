"""The forms "… melden": static pages whose script writes a content file from the JSON Schema.

`layout.py` says which fields each form shows; `spec.py` gathers what the page embeds for
`theme/assets/forms.js` (schema, layout, the town's vocabularies, existing ids).
"""

from generator.outputs.pages.forms.layout import FORMS, FormLayout
from generator.outputs.pages.forms.spec import contact_email, form_spec, github_new_issue, spec_json

__all__ = ["FORMS", "FormLayout", "contact_email", "form_spec", "github_new_issue", "spec_json"]
