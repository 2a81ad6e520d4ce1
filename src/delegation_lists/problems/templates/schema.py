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
    # a code that is not one (model/code_syntax.py): the English is pydantic's, the Chinese names the character
    "DL012.code_char": ("{field|where}{detail}",
                        "{field|where}“{value}”不是合法的编码：不能含 {char}（编码只用英文字母、数字、“-”“_”，“.”只能夹在中间）"),
    "DL012.code_wide": ("{field|where}{detail}", "{field|where}“{value}”含全角或形近字符 {char}，请改为半角的“{meant}”"),
    "DL012.code_dots": ("{field|where}{detail}", "{field|where}“{value}”不是合法的编码：不能含 {char}"),
    "DL012.code_edge": ("{field|where}{detail}", "{field|where}“{value}”不是合法的编码：须以字母或数字开头，不能以“.”结尾（{char}）"),
    "DL012.code_reserved": ("{field|where}{detail}",
                            "{field|where}“{value}”不能用作编码：它是 Windows 保留的设备名（CON、PRN、AUX、NUL、COM1–9、LPT1–9）"),
    "DL012.code_long": ("{field|where}{detail}", "{field|where}编码“{value}”超过 {limit} 个字符"),
    "DL012.code_empty": ("{field|where}{detail}", "{field|where}编码不能为空"),
    "DL012.code_name": ("{field|where}{detail}", "{field|where}“{value}”不是下级的编码或名称：名称中不能含 {char}"),
    # ... read from a workbook's document properties or an option (`dlists import`, exit 2): where, then why
    "DL012.in_property": ("{file}: sheet '{sheet}' (document property dlists:{sheet}): {why}",
                          "{file}：工作表“{sheet}”的文档属性 dlists:{sheet}：{why}"),
    "DL012.in_part": ("{file}: table '{sheet}' (its jurisdiction in the document's dlists layout part, customXml): {why}",
                      "{file}：表格“{sheet}”（文档中 dlists 布局部件 customXml 所记的辖区）：{why}"),
    "DL012.in_option": ("{option}: {why}", "选项 {option}：{why}"),
    "DL012.other": ("{field|where}{detail}", "{field|where}取值无效（{detail}）"),
}
