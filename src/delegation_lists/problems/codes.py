"""Every problem code as data: its stable name, severity, family and documentation in both languages.

Loader and schema codes (DL0xx) are documented here in full; the catalog rules (DL1xx, DL2xx and up) are
documented in English by their check function's docstring (rules/) and in Chinese here. `dlists rules` prints
this table; `--select`/`--ignore` match its codes, prefixes and names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .message import Message, shorten
from .problem import Loc, Problem, Severity


@dataclass(frozen=True)
class CodeInfo:
    """One row of the code table. `doc_en` is empty for catalog rules (their docstring is the English doc)."""

    code: str
    name: str
    severity: Severity
    family: str
    doc_zh: str
    doc_en: str = ""


def _row(code: str, name: str, severity: Severity, family: str, zh: str, en: str = "") -> CodeInfo:
    return CodeInfo(code, name, severity, family, " ".join(zh.split()), en.strip())


_ROWS = (
    _row("DL001", "yaml-syntax", "error", "load", "文件不是格式正确的 YAML（缩进错误、缩进中用了制表符或全角空格、引号或括号未闭合、输入法的全角标点……）。提示说明解析器期望什么，并指向第一个无法读取的字符。", """
        The file is not well-formed YAML (bad indentation, a tab or full-width space in indentation, an unclosed
        bracket or quote, input-method punctuation...).

        The message says what the parser expected and points at the first character it could not read."""),
    _row("DL002", "duplicate-key", "error", "load", "同一映射中某个键出现了两次。YAML 加载器会静默保留后一个值，另一个值就丢了；问题指向第二个键，并给出第一个键所在的行。", """
        A key appears twice in one mapping.

        YAML loaders silently keep the last value, so one of the two is lost; the problem points at the second key
        and names the line of the first."""),
    _row("DL003", "encoding", "error", "load", "文件不是 UTF-8 文本。中文 Windows 上用 Excel 或记事本保存的文件常为 GBK/GB18030：另存为 UTF-8，或用 `--encoding gbk` 按原样读取（只用于不是合法 UTF-8 的文件）。UTF-8 的 BOM 可以接受。", """
        The file is not UTF-8 text.

        Files saved by Excel or Notepad on Chinese Windows are often GBK/GB18030: re-save them as UTF-8, or read
        them as they are with `--encoding gbk` (used only for files that are not valid UTF-8). A UTF-8 byte-order
        mark is accepted."""),
    _row("DL004", "alias-limit", "error", "load", "YAML 别名展开后的数据过多，或别名引用了自身。允许用锚点和别名（`&a` / `*a`）共享一段内容，但指数级展开的“十亿笑声”文件会被迅速拒绝，而不会耗尽内存。", """
        YAML aliases expand to too much data, or an alias refers to itself.

        Anchors and aliases (`&a` / `*a`) are allowed for sharing a block, but a "billion laughs" file that
        expands exponentially is refused quickly instead of exhausting memory."""),
    _row("DL005", "document-shape", "error", "load", "文件不是一个清单文档：为空、包含多个文档、不是映射，或顶层既没有 `region:` 也没有 `list:`。", """
        The file is not one catalog document: it is empty, holds several documents, is not a mapping, or has
        neither a `region:` nor a `list:` key at the top."""),
    _row("DL006", "unsupported-yaml", "error", "load", "文件使用了清单不允许的 YAML 特性：自定义标签（`!foo`）、集合、复合（非标量）键，或嵌套层数超过加载器的上限。", """
        The file uses a YAML feature catalogs do not allow: custom tags (`!foo`), sets, complex (non-scalar) keys,
        or nesting deeper than the loader accepts."""),
    _row("DL007", "unreadable", "error", "load", "文件根本无法读取（权限不足、应为文件处是文件夹、文件已消失、指向清单目录之外的符号链接、设备或管道文件、超过大小上限）。", """
        The file cannot be read at all (permissions, a folder where a file was expected, a vanished file, a
        symlink leading out of the catalog, a device or pipe, a file over the size limit)."""),
    _row("DL010", "unknown-field", "error", "schema", "文件格式中没有这个键（通常是拼写错误，如把 `promised_days` 写成 `promise_days`）。未知键按错误处理，拼错的字段不会被静默放过；提示会给出最接近的已知字段。", """
        A key that the file format does not know (usually a typo: `promise_days` for `promised_days`).

        Unknown keys are errors so that a misspelt field never passes silently; the message suggests the closest
        known field."""),
    _row("DL011", "missing-field", "error", "schema", "缺少必填字段：`region.code`、`list.jurisdiction`、下放的 `mode` 和 `to`，或没有 `source` 的事项的 `code`、`name`、`kind` 和 `department`。", """
        A required field is missing: `region.code`, `list.jurisdiction`, a delegation's `mode` and `to`, or, for an
        item without `source`, its `code`, `name`, `kind` and `department`."""),
    _row("DL012", "invalid-value", "error", "schema", "值的类型不对或不在代码表中：未知的事项类型或下放方式、不是整数的天数、不是 YYYY-MM-DD 的日期、不属于 13 种法定处罚种类的处罚……；以及不合规则的编码：编码只用英文字母、数字、“-”“_”（“.”只能夹在中间），以字母或数字开头，最长 100 个字符，不能是 Windows 保留的设备名（CON、NUL、COM1……）——含“/”“..”“=”、空格、换行、全角数字的编码会被报告并指出是哪个字符。编码是数据，绝不会被当作路径。", """
        A value of the wrong type or outside its code table: an unknown kind or mode, a day count that is not a
        whole number, a date that is not YYYY-MM-DD, a penalty type that is not one of the 13 statutory types...;
        and a code that breaks the code pattern (spec §1): codes use ASCII letters, digits, `-` and `_` (`.`
        only between them), start with a letter or digit, are at most 100 characters and are no Windows device
        name (CON, NUL, COM1...). A code with `/`, `..`, `=`, a space, a newline or a full-width digit is
        reported with the offending character named. Codes are data, never paths."""),
    _row("DL101", "duplicate-code", "error", "items", "同一辖区内某个事项编码被使用了两次。编码在各版本和各层级之间标识事项（diff、reconcile、乡镇的 `source`），因此在一个辖区的清单中每个编码只能出现一次；报告第二次及以后的使用，并给出第一次所在的行。"),
    _row("DL102", "duplicate-name", "warning", "items", "同一辖区内两个事项的名称、部门和类型都相同。通常是同一事项用两个编码录入了两次；如果确实不同（如两个子项），请用能区分它们的名称。"),
    _row("DL103", "promised-over-statutory", "error", "items", "承诺时限长于法定时限。承诺只能缩短法定时限。从 `source` 继承的时限在源事项处检查。"),
    _row("DL104", "missing-legal-basis", "error", "items", "事项没有设定依据。除公共服务外的每项行政权力都需要依据；乡镇自有事项（没有 `source`）无论类型都需要：下级只拥有法律或下放赋予它的权力。用 `source` 承接的事项继承源事项的依据（缺失在源事项处报告）。"),
    _row("DL105", "unknown-department", "error", "region", "事项所写的部门未在作用范围内的任何 region.yaml 中声明。部门在 region.yaml 的 `departments:` 中声明（`name` 和可选的 `short`）；清单可使用所在文件夹及上级文件夹 region.yaml 中的部门，以及本辖区政府（如 赵湾镇人民政府）。继承来的部门在写明处检查。"),
    _row("DL106", "unknown-jurisdiction", "error", "region", "清单的辖区未在 region.yaml 中声明，或其 `level` 与区划树不一致。"),
    _row("DL107", "bad-delegation-target", "error", "region", "下放对象不是下放辖区的直接下级。`delegation.to` 为 `all`，或 region.yaml 中该辖区下级的代码或名称（县下放给本县的乡镇，而不是别的县或隔两级的村）。"),
    _row("DL108", "delegation-without-basis", "error", "delegation", "赋权、委托或授权没有写明依据。赋权需要省级公布的决定，委托需要委托协议/委托书，授权需要法律法规：把文号或标题写在 `delegation.basis`。（帮办代办和延伸不需要。）"),
    _row("DL109", "detention-delegated", "error", "delegation", "含行政拘留的处罚被下放给乡镇。限制人身自由的行政处罚只能由公安机关实施（行政处罚法第十八条），不能赋权或委托给乡镇、街道。"),
    _row("DL110", "inactive-delegated", "error", "delegation", "已取消、暂停或过期的事项仍在下放。事项取消或收回后必须同时撤销下放，否则乡镇仍在行使无人持有的权力。日期按今天比较（用 `--as-of` 指定另一天）。"),
    _row("DL111", "effective-after-expires", "error", "items", "事项的生效日期（`effective`）晚于失效日期（`expires`）。"),
    _row("DL112", "unknown-waiver", "warning", "items", "事项或清单表头豁免了一个不存在的规则代码（拼写错误会让豁免失效）。"),
    _row("DL113", "delegation-term-expired", "error", "delegation", "委托（或其他下放）的期限（`delegation.until`）已经届满，事项却仍在下放。委托应写明期限；到期后乡镇再以委托机关名义实施就没有依据：续签委托协议并更新 `until`，或收回。日期按今天比较（用 `--as-of` 指定另一天）。"),
    _row("DL114", "delegation-term-ending", "warning", "delegation", "下放的期限（`delegation.until`）将在 60 天内届满：及时续签委托协议或准备收回。用 `--as-of` 可查看到某一天为止将届满的下放（届时按 DL113 报告）。"),
    _row("DL115", "review-overdue", "warning", "delegation", "下放（通常是赋权的行政处罚）的评估日期（`delegation.review`）已过。赋予乡镇的处罚权要定期评估，不适宜继续由乡镇实施的要及时调整：组织评估后把 `review` 改为下次评估的日期。"),
    _row("DL116", "delegation-dates-inverted", "error", "delegation", "下放的期限届满日（`until`）或评估日期（`review`）早于下放日期（`since`），多半是笔误。"),
    _row("DL117", "name-not-one-line", "error", "items", "事项或履职事项的名称含有换行、制表符或网页标记（如 `<br>`、`&nbsp;`）：多半是从表格单元格（Alt+回车换行）或网页复制时带进来的，公布的清单会断行或显示标记。把名称改成一行纯文字。"),
    _row("DL201", "source-not-found", "error", "levels", "下级事项的 `source` 不是上级辖区清单中的事项（无权执法：没有人下放给它）。"),
    _row("DL202", "source-not-delegated", "error", "levels", "下级承接了未下放给它的上级事项（没有 `delegation`，或 `to` 不包括它）。"),
    _row("DL203", "source-inactive", "error", "levels", "下级事项的源事项已取消、暂停或过期（收回/取消：乡镇必须删除）。"),
    _row("DL204", "mode-mismatch", "error", "levels", "下级承接的方式与上级下放的方式不同（如赋权与委托）。方式决定乡镇以谁的名义行使，两份清单必须一致。"),
    _row("DL205", "kind-mismatch", "error", "levels", "下级事项声明的类型与源事项不同（行政处罚不能变成行政许可）。"),
    _row("DL301", "cooperate-without-lead", "error", "duties", "配合履职事项没有写牵头部门（`lead`），或牵头部门不是作用范围内 region.yaml 声明的部门。配合事项由县级部门牵头、负首责，乡镇配合：清单必须写明是哪个部门。"),
    _row("DL302", "recalled-without-taker", "error", "duties", "上级部门收回事项没有写承接部门（`taken_by`），或承接部门不是 region.yaml 声明的部门。收回的事项必须有部门接手，否则就无人负责。"),
    _row("DL303", "recalled-still-delegated", "error", "duties", "已收回的职责对应的权力事项（`item`）仍下放给本乡镇，或仍在本乡镇的清单中；指导目录中标为收回的事项，县级仍下放给乡镇。“收回却仍下放”正是改革要消除的矛盾：收回后要同时撤销下放、从乡镇清单中删除。"),
    _row("DL304", "required-duty-missing", "error", "duties", "指导目录中的规定事项（`required: true`）没有出现在下级的履职事项清单中（下级用 `source` 引用它）。乡镇对照上级的乡镇指导目录；村（社区）对照上级最近一份村级指导目录（乡镇的，没有时县的）。报告在下级清单的表头处，每个缺少的事项一条。"),
    _row("DL305", "required-duty-moved", "error", "duties", "下级把指导目录中的规定事项放在了另一类（如把配合事项列为基本事项）。规定事项的类别由指导目录确定。"),
    _row("DL306", "optional-duty-moved", "warning", "duties", "下级把指导目录中的自选事项放在了另一类。自选事项可以不选，但选了通常应与指导目录同类；确有理由时请豁免并写明理由。"),
    _row("DL307", "duplicate-duty-code", "error", "duties", "同一辖区的履职事项清单中某个编码用了两次；报告第二次及以后的使用，并给出第一次所在的行。"),
    _row("DL308", "duplicate-duty-name", "warning", "duties", "同一辖区的两条履职事项名称相同（可能重复录入，或同一事项既列为基本又列为配合）。"),
    _row("DL309", "basic-without-basis", "warning", "duties", "基本履职事项没有写职责依据（`basis`）。基本事项是乡镇必须做、负全责的事，应写明法律法规或文件依据。"),
    _row("DL310", "unknown-office", "error", "duties", "履职事项的承办机构（`office`）不是 region.yaml 为该乡镇声明的内设机构（`offices:`；未声明时不检查）。从指导目录继承的承办机构按承接它的乡镇检查（指导目录本身不按其所在辖区检查），每个乡镇每个机构报告一次，报告在第一个承接它的事项处：在这些事项上写明本镇的承办机构，或在 region.yaml 中声明该机构。"),
    _row("DL311", "duty-source-not-found", "error", "duties", "下级履职事项的 `source` 不是上级辖区（指导目录）履职事项清单中的事项。"),
    _row("DL501", "assist-not-admitted", "error", "villages", "村（社区）的协助政府工作事项既不是从指导目录中选取的（`source`），也没有准入记录（`admitted` 写明审批文号 `basis`）。按厅字〔2022〕28号，交给村级组织的工作事项须经准入：部门申请，县（区）审核同意。请从指导目录选取，或写明准入：`admitted: {basis: 文号, date: 2024-03-01}`。未经准入的事项村级组织可以拒绝（权随责走、费随事转）。"),
    _row("DL502", "negative-work", "error", "villages", "村（社区）清单或村级指导目录中的事项与上级指导目录的负面事项名称相符（按中文相似度，去掉“协助开展……工作”等修饰词后不低于 0.7）。负面事项是不得交给村级组织的工作（招商引资、行政执法、征地拆迁……）：请删除该事项，或说明为何不同并写明理由豁免。提示给出相符的负面事项。从指导目录继承的名称在指导目录处检查。"),
    _row("DL503", "certificate-not-allowed", "error", "villages", "村（社区）出具的证明不在指导目录的出具证明事项中。村级组织只能出具指导目录列明的证明（以上级最近一份列有证明事项的村级指导目录为准；山西只允许 5 类）：请用 `source` 选取所指的证明，或删除。提示给出最接近的允许证明。范围内没有村级指导目录时不检查。"),
    _row("DL504", "delegated-without-assist", "error", "villages", "乡镇以帮办代办或延伸方式交给村（社区）便民服务站的事项（`delegation` 的 `to` 含该村），在该村清单的协助政府工作事项中找不到（按 `item:` 关联，或名称相似度不低于 0.7）。便民服务站为乡镇代办的事项也是村级组织承担的工作：请列为协助政府工作事项并用 `item:` 关联。报告在村清单表头处，每个事项一条。"),
    _row("DL505", "part-of-another-level", "error", "villages", "村（社区）清单中有乡镇的类别（基本/配合/收回），或乡镇清单中有村级的类别（自治/协助/证明/负面/小微权力）。各层级按各自的类别公布：村级是依法自治、协助政府工作、出具证明和小微权力，乡镇是基本履职、配合履职和上级部门收回。"),
    _row("DL401", "record-without-basis", "error", "records", "调整记录没有写审定文号（`basis`）。清单的每次调整都要经过审定、公布和备案：记录写明批准调整的文件文号，`dlists diff` 和调整对照表据此说明每项变化的依据。"),
    _row("DL402", "duplicate-record-id", "error", "records", "两条调整记录用了同一个编号（`id`）。编号标识一次调整决定，diff 按编号区分已生效的旧记录和本次的新记录；报告第二次及以后的使用。"),
    _row("DL403", "record-in-future", "warning", "records", "调整记录的日期晚于今天（用 `--as-of` 指定另一天）。记录在调整决定之后填写，未来的日期多半是笔误（如 2052 写成了 2025）。"),
    _row("DL404", "incomplete-change", "error", "records", "调整记录中的一项调整缺少必要的内容：没有写调整的事项（`item`，履职事项为 `duty`），调整类别没有写目标类别（`part`）。"),
    _row("DL206", "re-entrusted", "error", "levels", "受委托的事项被再次委托、赋权或授权下放（委托不得再委托，行政处罚法第二十条）。乡镇把受委托的事项以帮办代办或延伸方式交给村（社区）便民服务站受理转报，是正常做法，不算再委托。"),
)

CODES: dict[str, CodeInfo] = {row.code: row for row in _ROWS}


def problem(code: str, file: str, message: Message, loc: Loc = (), **extra: Any) -> Problem:
    """A Problem of `code` (with the severity of its row) in `file`; its `item` shortened as message arguments are."""
    if isinstance(extra.get("item"), str):
        extra["item"] = shorten(extra["item"])
    return Problem(code, CODES[code].severity, file, message, loc, **extra)
