"""Messages of the adjustment-record codes (DL4xx): records of decided changes (spec §6)."""

RECORDS: dict[str, tuple[str, str]] = {
    "DL401": ("record {id} has no `basis`: name the approving document (审定文号) of the decision",
              "调整记录 {id} 没有写审定文号（`basis`）：清单调整须经审定，写明批准文件的文号"),
    "DL402": ("record id {id} is already used in {file} (adjustments[{index}])",
              "调整记录编号 {id} 已在 {file} 中用过（adjustments[{index}]）"),
    "DL402.same_file": ("record id {id} is already used earlier in this file (adjustments[{index}])",
                        "调整记录编号 {id} 在本文件前面已经用过（adjustments[{index}]）"),
    "DL403": ("record {id} is dated {date}, after {today}: a record is written once the change is decided",
              "调整记录 {id} 的日期 {date} 晚于 {today}：调整记录应在调整决定之后填写（日期是否写错？）"),
    "DL404.target": ("a {action} change names no `{field}`", "“{action_zh}”调整没有写 `{field}`（调整的是哪个事项？）"),
    "DL404.part": ("a move names no `part`: the part the duty moves to (basic, cooperate, recalled)",
                   "“调整类别”没有写 `part`：履职事项调整到哪一类（basic 基本、cooperate 配合、recalled 收回）"),
}
