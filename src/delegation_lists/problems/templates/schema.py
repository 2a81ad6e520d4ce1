"""Messages of the schema codes (DL010-DL012): fields unknown, missing or of the wrong value.

DL012 has one template per pydantic error type that catalogs meet; the English text is pydantic's own
(`detail`), the Chinese one says the same from the error's context. Unknown types fall back to `DL012.other`.
"""

SCHEMA: dict[str, tuple[str, str]] = {
    "DL010": ("unknown field `{field}`", "未知字段 `{field}`：文件格式中没有这个键"),
    "DL010.here": ("unknown field `{field}` here", "此处不能使用字段 `{field}`{field|gloss}"),
    "DL010.suggest": ("unknown field `{field}`; did you mean `{close}`?", "未知字段 `{field}`；是不是 `{close}`{close|gloss}？"),
    "DL011": ("missing required field `{field}`", "缺少必填字段 `{field}`{field|gloss}"),
    "DL011.own_item": ("an item without `source` needs {fields}", "没有 `source` 的事项必须有 {fields}"),
    "DL012.unknown_code": ("{field|where}{detail}", "{field|where}未知的{what}“{value}”；可用：{keys}（或其中文名称）"),
    "DL012.close_code": ("{field|where}{detail}", "{field|where}未知的{what}“{value}”；是不是 `{close}`（{close_zh}）？"),
    "DL012.days": ("{field|where}{detail}",
                   "{field|where}时限应写成天数：20、20个工作日、20日、20天，或“即办”（0 天），不是“{value}”"),
    "DL012.waive_reason": ("{field|where}{detail}", "{field|where}豁免 {rule} 需要写明理由（`waive_reason:`）"),
    "DL012.int": ("{field|where}{detail}", "{field|where}应为整数（如 20），不是“{value}”"),
    "DL012.ge": ("{field|where}{detail}", "{field|where}不能小于 {limit}"),
    "DL012.le": ("{field|where}{detail}", "{field|where}不能大于 {limit}"),
    "DL012.bool": ("{field|where}{detail}", "{field|where}应为 true 或 false"),
    "DL012.date": ("{field|where}{detail}", "{field|where}应为 YYYY-MM-DD 格式的日期（如 2024-03-15）"),
    "DL012.text": ("{field|where}{detail}", "{field|where}应为文本"),
    "DL012.list": ("{field|where}{detail}", "{field|where}应为列表（[a, b] 或每行一个“- ”）"),
    "DL012.mapping": ("{field|where}{detail}", "{field|where}应为映射（键: 值）"),
    "DL012.choice": ("{field|where}{detail}", "{field|where}取值只能是 {expected}"),
    "DL012.other": ("{field|where}{detail}", "{field|where}取值无效（{detail}）"),
}
