"""Every command's help in Chinese, keyed by the English help as the command modules write it (a help text
changed there without its entry here fails tests/test_cli_chinese.py): what `dlists ... --help` shows when the
language is zh. Rich markup as in the English (`\\[` for a literal bracket)."""

from __future__ import annotations

from .state import LANG_HELP

_ROOT: dict[str, str] = {
    "Validate, reconcile, diff and export administrative power-delegation lists (权责清单 / 赋权清单).":
        "校验、核对、比对和导出行政权力下放清单（权责清单 / 赋权清单）。",
    "Show Python tracebacks for unexpected errors.": "出现意外错误时显示 Python 调用栈（报告程序错误时附上）。",
    "Print the version and exit.": "显示版本号后退出。",
    "Show this message and exit.": "显示本帮助后退出。",  # every command's --help (click's words)
    LANG_HELP: "提示信息、表头和标签的语言：zh | en（默认：dlists.toml 或 pyproject.toml 的 \\[tool.dlists] 表中的 "
               "`lang`，否则按系统区域设置：LANG=zh_CN.UTF-8 即为 zh）。",
}

_VALIDATE: dict[str, str] = {
    "Check catalog files: YAML, schema and every rule; report all problems sorted by file and line.\n\nExit 0 when "
    "clean, 1 when problems are found (errors; warnings too with --strict), 2 on usage or input errors.\nA file is "
    "checked in the context of its whole catalog (region.yaml above it, the parent lists its sources\npoint at), but "
    "only the given files' problems are reported.":
        "校验清单文件：YAML 写法、字段格式和每一条规则；按文件和行号列出全部问题。\n\n"
        "没有问题时退出码为 0，发现问题时为 1（错误；加 --strict 时警告也算），用法或输入有误时为 2。\n"
        "每个文件都放在整套清单中校验（上级目录的 region.yaml、source 所指向的上级清单），"
        "但只报告所给文件本身的问题。",
    "Catalog files or folders (folders are searched for *.yaml / *.yml).":
        "清单文件或文件夹（在文件夹中查找 *.yaml / *.yml）。",
    "text | json | github | sarif (default: github under GitHub Actions, else text).":
        "text | json | github | sarif（默认：在 GitHub Actions 中为 github，否则为 text）。",
    "Write the json/github/sarif report to this file instead of stdout.":
        "把 json/github/sarif 格式的报告写入这个文件，而不是输出到屏幕。",
    "Only these rule codes, prefixes (DL1) or names; comma-separated or repeated.":
        "只检查这些规则（代码、前缀如 DL1 或名称）；用逗号分隔，或多次给出。",
    "Skip these rule codes, prefixes or names.": "跳过这些规则（代码、前缀或名称）。",
    "Warnings fail too (exit 1).": "警告也算不通过（退出码 1）。",
    "Read files that are not UTF-8 in this encoding (e.g. gbk); UTF-8 files are still read as UTF-8.":
        "不是 UTF-8 的文件按这个编码读取（如 gbk）；UTF-8 文件仍按 UTF-8 读取。",
    "Glob of files or folders to skip (repeatable).": "跳过与此模式匹配的文件或文件夹（可多次给出）。",
    "Judge expiry dates on this day (YYYY-MM-DD; default today).": "以这一天判断是否过期（YYYY-MM-DD；默认今天）。",
    "text format: do not show the source line under each problem.": "text 格式：不在每个问题下显示原文所在行。",
    "Worker processes for parsing (default: one per core for large catalogs).":
        "用于解析的进程数（默认：清单较大时每个 CPU 核一个）。",
    "Do not use or fill the parse cache (kept in the user cache folder, e.g. ~/.cache/dlists, per project).":
        "不使用、也不写入解析缓存（缓存按项目保存在用户缓存文件夹中，如 ~/.cache/dlists）。",
}

_DIFF: dict[str, str] = {
    "Show what changed between two versions of a catalog: items added, removed, changed field by field,\nrenamed "
    "(new code, same item) and moved between files, region changes, and the effect on each township.":
        "显示清单两个版本之间的变化。\n\n"
        "新增、取消的事项，逐个字段的变更，更名（新编码、同一事项），"
        "在文件之间移动的事项，区划变化，以及对每个乡镇的影响。",
    "Old version: a folder, a file, or REV:PATH read from git (e.g. HEAD~1:catalogs).":
        "旧版本：文件夹、文件，或从 git 读取的 版本:路径（如 HEAD~1:catalogs）。",
    "New version: a folder, a file, or REV:PATH.": "新版本：文件夹、文件，或 版本:路径。",
    "text | json | markdown | xlsx | html (xlsx needs -o FILE.xlsx; html is one self-contained page)":
        "text | json | markdown | xlsx | html（xlsx 需要 -o 文件.xlsx；html 为单个独立网页）",
    "Write to this file instead of stdout.": "写入这个文件，而不是输出到屏幕。",
    "Only the summary of counts.": "只显示数量汇总。",
    "Exit 1 when there are differences (items that only moved between files do not count); when the adjustment "
    "records are checked, when a difference is not decided or a record matches none (the CI gate).":
        "有差异时退出码为 1（只是在文件之间移动的事项不算）；核对调整记录时，"
        "有未经决定的变化或有对不上任何变化的记录时退出码为 1（用于 CI 把关）。",
    "Check every difference against the adjustment records (`adjustments:` files, spec §6): auto (when either "
    "version has records), off, warn (report only), require (report; exit 1 on an undecided change or a record "
    "that matches none).":
        "把每一处差异与调整记录（`adjustments:` 文件，规范第 6 节）核对：auto（任一版本有记录时核对）、off（不核对）、"
        "warn（只报告）、require（报告；有未经决定的变化或对不上任何变化的记录时退出码为 1）。",
    "Report whitespace-only changes too.": "只有空白字符不同的变化也报告。",
    "Report order-only changes of list fields too.": "列表字段只有顺序不同的变化也报告。",
    "Leave this field out of the comparison (repeatable).": "比对时不看这个字段（可多次给出）。",
    "Compare even when files of a side do not load (they are left out); without it such a diff exits 2.":
        "即使某一版本有文件无法读取也照样比对（略去这些文件）；不加此项时这种比对以退出码 2 结束。",
    "Also append the markdown diff to $GITHUB_STEP_SUMMARY (GitHub Actions).":
        "同时把 markdown 格式的差异追加到 $GITHUB_STEP_SUMMARY（GitHub Actions）。",
    "Draft the adjustment record (spec §6) of every change between OLD and NEW that no record covers: the "
    "actions\nand items filled in, `basis` (审定文号) and `reason` left for you. Appended to the file -o names "
    "(an\n`adjustments:` file, made when missing), never overwriting it.":
        "为 OLD 与 NEW 之间每一处还没有记录的变化起草调整记录（规范第 6 节）。\n\n"
        "填好动作和事项，"
        "`basis`（审定文号）和 `reason`（调整理由）留给您填写。追加到 -o 指定的文件"
        "（`adjustments:` 文件，没有时新建），不会覆盖原有内容。",
    "The adjustments file to append the draft to (made when missing; never overwritten). Without it, the draft is "
    "printed.":
        "追加草稿的调整记录文件（没有时新建；不会被覆盖）。不给出时把草稿显示在屏幕上。",
    "The record's date, YYYY-MM-DD (default: today).": "记录的日期，YYYY-MM-DD（默认：今天）。",
}

_RECONCILE: dict[str, str] = {
    "Check the parent's delegations against each child's list: matched, mode mismatch, missing (delegated, "
    "not\ntaken on), unbacked (taken on, not delegated), own items, and suggested sources for own items; and "
    "each\nchild's duty list against what it takes on: recalled duties whose item it still takes on, items no "
    "duty\nlists (a duty lists an item by `item:` or by name).":
        "把上级下放的事项与每个下级的清单逐项核对，并核对下级的履职事项清单。\n\n"
        "核对结果分为：已承接、方式不符（承接方式与下放方式不同）、未承接（已下放、未承接）、"
        "无据承接（已承接、未下放）、自有（下级自己的事项），以及疑似对应（自有事项可能对应的上级事项）；"
        "并把每个下级的履职事项清单与其承接的事项核对：收回仍承接（职责已收回，其事项仍在承接），"
        "以及承接无职责（承接的事项没有任何职责列出；职责通过 `item:` 或名称列出事项）。",
    "Catalog folders (the parent's lists and the children's).": "清单文件夹（上级和下级的清单）。",
    "Parent jurisdiction code or name (default: the parent of the children named with --child, else the region root).":
        "上级辖区的代码或名称（默认：--child 所指下级的上级，否则为区划的最上级辖区）。",
    "Only this child (code or name); repeatable.": "只核对这个下级（代码或名称）；可多次给出。",
    "Minimum name similarity for a suggestion.": "给出建议所需的最低名称相似度。",
    "Exit 1 when anything is missing, unbacked or mismatched, or a recalled duty's item is still taken on.":
        "有未承接、无据承接或方式不符的事项，或有收回仍承接的事项时，退出码为 1。",
    "Judge expiry dates on this day (YYYY-MM-DD).": "以这一天判断是否过期（YYYY-MM-DD）。",
}

_STATS_DUTIES_LAWS: dict[str, str] = {
    "Count items by jurisdiction x kind, by department and by delegation mode.":
        "统计事项数：按辖区和事项类型、按部门、按下放方式。",
    "Catalog files or folders.": "清单文件或文件夹。",
    "Only this jurisdiction (code or name), with its departments and modes.":
        "只统计这个辖区（代码或名称），并列出其部门和下放方式。",
    "text | json | markdown | csv | xlsx | html (xlsx needs -o FILE.xlsx; html is one self-contained page)":
        "text | json | markdown | csv | xlsx | html（xlsx 需要 -o 文件.xlsx；html 为单个独立网页）",
    "The duty lists by department: for each county department the cooperating duties it leads and the "
    "duties\nit took back, per township; guide duties placed in different parts by different townships; "
    "townships far\nfrom the county's typical counts; and each township's villages: their counts per part and "
    "which villages\ncarry which assist work (协助政府工作事项), admitted when and by which document.":
        "按部门查看履职事项清单。\n\n"
        "每个县级部门牵头的配合履职事项和收回的事项（按乡镇列出）；"
        "被不同乡镇放在不同部分的指导目录事项；事项数与全县常见数量相差较大的乡镇；"
        "以及每个乡镇所辖村（社区）：各部分的事项数，哪些村承担哪些协助政府工作事项，何时、依据哪个文件准入。",
    "Catalog files or folders with duty lists (`duties:`).": "含履职事项清单（`duties:`）的清单文件或文件夹。",
    "text | json | markdown | xlsx (one sheet per department)": "text | json | markdown | xlsx（每个部门一张工作表）",
    "Write to this file instead of stdout (needed for xlsx).": "写入这个文件，而不是输出到屏幕（xlsx 格式必须给出）。",
    "The laws and regulations the lists cite (设定依据, 职责依据, 下放依据), each with the number of items at "
    "each\nlevel (township items inheriting a county item's basis through `source` included), duty entries "
    "and\ndelegations citing it; with --law, every entry citing that law at every level, to review when it is "
    "amended\nor repealed. 《食品安全法》 and 《中华人民共和国食品安全法》 are one law.":
        "清单引用的法律法规（设定依据、职责依据、下放依据）及引用它们的事项。\n\n"
        "每部列出各层级引用它的事项数"
        "（通过 `source` 继承县级事项依据的乡镇事项也计入）、履职事项数和下放数；"
        "加 --law 时列出各层级引用该法的每一项，供法律法规修改或废止时逐项复核。"
        "《食品安全法》和《中华人民共和国食品安全法》视为同一部法律。",
    "List every entry citing this law (short or full title, 《》 optional; an article may follow: 森林法第七十四条).":
        "列出引用这部法律的每一项（简称或全称均可，《》可省略；可接条款：森林法第七十四条）。",
    "With --law: only this article (74, 七十四, 第七十四条); entries citing the law without an article are listed "
    "too.":
        "与 --law 同用：只看这一条（74、七十四、第七十四条）；引用该法但未写条款的事项也会列出。",
    "text: also list the basis lines in which no law was found.": "text 格式：同时列出没有识别出法律法规的依据。",
    "text | json | markdown | xlsx": "text | json | markdown | xlsx",
}

_EXPORT: dict[str, str] = {
    "Write the catalog's lists as an Excel workbook (one sheet per list), a Word document (one table per list)\nor "
    "a PDF (the workbook printed by LibreOffice).\n\nThe catalog is validated first: errors in the lists to publish "
    "(or in what they take on) stop the export\n(exit 1, nothing written) unless --allow-problems. Drafts are left "
    "out unless --include-drafts.":
        "把清单导出为 Excel 工作簿、Word 文档或 PDF。\n\n"
        "Excel 每份清单一张工作表，Word 每份清单一个表格，PDF 由 LibreOffice 打印工作簿。\n\n"
        "导出前先校验：要发布的清单（或其承接的事项）有错误时停止导出（退出码 1，不写出任何文件），"
        "除非加 --allow-problems。草案不导出，除非加 --include-drafts。",
    "The file to write (.xlsx, .docx or .pdf); replaced only on success.":
        "要写出的文件（.xlsx、.docx 或 .pdf）；只有成功时才替换原文件。",
    "xlsx | docx (published lists as Word tables; needs the docx extra) | pdf (through LibreOffice); default: the "
    "output's extension.":
        "xlsx | docx（以 Word 表格发布清单；需要安装 docx 扩展）| pdf（经由 LibreOffice）；默认：按输出文件的扩展名。",
    "published: the list as published | checklist: the working list with a status column | duties: the duty lists "
    "(履行职责事项清单, 村级组织工作事项清单) as published | stations: each township's village-station service list "
    "(直办/代办/协办)":
        "published：公布格式的清单 | checklist：带状态列的工作清单 | duties：公布格式的履职事项清单"
        "（履行职责事项清单、村级组织工作事项清单）| stations：各乡镇村（社区）便民服务站服务事项清单（直办/代办/协办）",
    "Only this jurisdiction (code or name); repeatable.": "只导出这个辖区（代码或名称）；可多次给出。",
    "Labels of what is written (default zh) and messages: zh | en; messages without it follow `dlists --lang`, the "
    "`lang` setting, else the locale.":
        "写出内容的标签（默认 zh）和提示信息的语言：zh | en；不给出时提示信息按 `dlists --lang`、"
        "`lang` 设置，否则按系统区域设置。",
    "checklist: the allowed status values, comma-separated (default 已承接,未承接,待核实).":
        "checklist：状态列可选的值，用逗号分隔（默认 已承接,未承接,待核实）。",
    "Export even when the lists have validation errors (they are listed, with a warning); without it such a catalog "
    "is not exported (exit 1).":
        "即使清单有校验错误也导出（列出这些错误并给出警告）；不加此项时这样的清单不导出（退出码 1）。",
    "Export drafts too (lists with `status: draft` or 草案 in the title); their titles say 草案.":
        "草案也导出（`status: draft` 或标题含“草案”的清单）；其标题注明“草案”。",
    "published: the 附件 number above the title (2 -> 附件2); default `attachment` of the list header.":
        "published：标题上方的附件编号（2 即“附件2”）；默认取清单表头的 `attachment`。",
    "published: the issuing body (发布单位) under the title; default `issuer` of the list header.":
        "published：标题下方的发布单位；默认取清单表头的 `issuer`。",
    "published: the date (发布日期: 2023-07-01 or 2023年7月1日) under the title; default `date` of the list header.":
        "published：标题下方的发布日期（2023-07-01 或 2023年7月1日）；默认取清单表头的 `date`。",
    "published: a note (注) under the table, repeatable; added to the header's `notes`.":
        "published：表格下方的注，可多次给出；附加在表头的 `notes` 之后。",
    "published: a township's own items as a list of their own (list) or as sections of their own (section).":
        "published：乡镇自有事项单独成表（list）或单独成节（section）。",
    "published: auto (A4 landscape, A3 when the columns need it) | a4 | a3.":
        "published：auto（A4 横向，列多时用 A3）| a4 | a3。",
}

_IMPORT: dict[str, str] = {
    "Turn a published list (Excel, WPS, Word, PDF, CSV or JSON attachment) into catalog YAML that validates; 附件N, "
    "合计 and 注 rows are kept out of the items. Every row that cannot be placed is\nreported with its row number "
    "(exit 1); nothing is dropped silently.":
        "把公布的清单（Excel、WPS、Word、PDF、CSV 或 JSON 附件）转换为能通过校验的 YAML 清单。\n\n"
        "“附件N”、合计和注等行不计入事项。无法识别的每一行都会连同行号报告出来（退出码 1），不会悄悄丢掉任何内容。",
    "The list to import: .xlsx/.et, .xls, .ods, .docx/.wps, .pdf, .csv (UTF-8 or GBK) or .json, read by content; "
    ".doc/.odt/.rtf through LibreOffice.":
        "要导入的清单：.xlsx/.et、.xls、.ods、.docx/.wps、.pdf、.csv（UTF-8 或 GBK）或 .json，按文件内容识别格式；"
        ".doc/.odt/.rtf 经由 LibreOffice 读取。",
    "Folder to write region.yaml and one list file per jurisdiction and kind into; with --into, the list file (or "
    "its folder) inside the catalog.":
        "写出 region.yaml 和清单文件（每个辖区、每种事项类型一个）的文件夹；与 --into 同用时，为清单目录中的清单文件（或其文件夹）。",
    "An existing catalog folder: import the list of one of its jurisdictions (a township's own sheet), each row "
    "linked to the parent's item by code, then by name, then by a near name; written beside its siblings' lists.":
        "已有的清单目录：导入其中一个辖区的清单（如某乡镇的清单表），每一行依次按编码、名称、相近名称对应到上级事项；"
        "写在同级辖区的清单旁边。",
    "With --into, a row whose name is only near a parent item's: link (source: with the score in a comment) or list "
    "(keep it as its own item, the candidate in a comment).":
        "与 --into 同用：名称只是与上级事项相近的行，link（写成 source:，相似度写在注释中）"
        "或 list（作为自有事项保留，候选事项写在注释中）。",
    "With --into, how near (0..1, bigram similarity) a name must be to be linked or suggested.":
        "与 --into 同用：名称相似到什么程度（0..1，二元组相似度）才对应或建议。",
    "The number of items the list states (e.g. 296): exit 1 when another number is read.":
        "清单中写明的事项数（如 296）：读出的数量不同时退出码为 1。",
    "Column and value mapping (YAML) for lists with other headers or codes.":
        "列名和取值的对应关系（YAML），用于表头或代码与常见写法不同的清单。",
    "Code of the jurisdiction whose list this is.": "这份清单所属辖区的代码。",
    "Its name (for region.yaml).": "辖区名称（写入 region.yaml）。",
    "Its level: province | city | county | township (default county).":
        "辖区层级：province | city | county | township（默认 county）。",
    "Kind of rows that have none (no kind column and no section row).": "没有事项类型的行（既无类型列、也无分类行）所用的类型。",
    "Delegation mode of rows with 实施范围 but no 承接方式.": "有“实施范围”但没有“承接方式”的行所用的下放方式。",
    "Delegation basis (the published decision) for delegated rows.": "下放事项的下放依据（公布的决定）。",
    "The encoding of a CSV/JSON file that is not UTF-8 (e.g. gbk).": "不是 UTF-8 的 CSV/JSON 文件的编码（如 gbk）。",
    "Replace files that already exist in the output folder.": "替换输出文件夹中已有的文件。",
}

_RULES_SCHEMA: dict[str, str] = {
    "List every problem code: its name, severity, family and documentation.": "列出每个问题代码：名称、严重程度、类别和说明。",
    "Show one rule's full documentation (code or name).": "显示一条规则的完整说明（代码或名称）。",
    "text | json | markdown": "text | json | markdown",
    "Print the JSON Schema of a file kind, for editors.\n\nWith yaml-language-server (VS Code's YAML extension and "
    "others), put a modeline at the top of a file:\n`# yaml-language-server: $schema=../schemas/list.schema.json`":
        "输出某类文件的 JSON Schema，供编辑器使用。\n\n"
        "使用 yaml-language-server（VS Code 的 YAML 扩展等）时，在文件第一行写上：\n"
        "`# yaml-language-server: $schema=../schemas/list.schema.json`",
    "list | region | duties | adjustments": "list | region | duties | adjustments",
    "Write every schema (list, region, duties, adjustments .schema.json) here.":
        "把全部 Schema（list、region、duties、adjustments 的 .schema.json）写到这个文件夹。",
}

#: English help -> Chinese help
HELP_ZH: dict[str, str] = {**_ROOT, **_VALIDATE, **_DIFF, **_RECONCILE, **_STATS_DUTIES_LAWS, **_EXPORT, **_IMPORT,
                           **_RULES_SCHEMA}

#: typer's own words on the help and error panels (typer.rich_utils), in Chinese
PANELS_ZH: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": "参数", "OPTIONS_PANEL_TITLE": "选项", "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误", "ABORTED_TEXT": "已中止。", "REQUIRED_LONG_STRING": "[必填]",
    "DEFAULT_STRING": "[默认：{}]", "RICH_HELP": "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。",
}
