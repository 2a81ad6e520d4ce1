"""Messages of the commands (key family `cli.`, not problem codes): a usage error (an option's value, a format, an
output that cannot be written), a settings file that cannot be used, a catalog that has nothing for the command,
a program the command needs; each ends the run with exit code 2. English as the commands always said it, Chinese
as an analyst reads it: options keep their names (`--date`), values are quoted “so” (`{x|q}`), lists joined with
、 (`{x|list}`, `{x|qlist}`)."""

_OPTIONS: dict[str, tuple[str, str]] = {
    # cli/common.py: options every command shares
    "cli.lang": ("unknown language {lang|q}; choose zh or en", "未知的语言 {lang|q}：可选 zh 或 en"),
    "cli.rule_unknown": ("unknown rule code or name: {codes} (see `dlists rules`)",
                         "没有这个规则代码或名称：{codes|list}（见 `dlists rules`）"),
    "cli.encoding": ("unknown encoding {encoding|q} (try utf-8 or gbk)", "未知的编码 {encoding|q}（可用 utf-8 或 gbk）"),
    "cli.as_of": ("--as-of must be a date like 2024-01-31, not {value|q}", "--as-of 应为日期，如 2024-01-31，而不是 {value|q}"),
    "cli.format": ("unknown format {format|q}; choose one of: {choices}", "未知的格式 {format|q}：可选 {choices|list}"),
    "cli.cannot_write": ("cannot write {output}: {reason}", "无法写入 {output}：{reason}"),
    "cli.xlsx_output": ("--format xlsx needs --output FILE.xlsx", "--format xlsx 需要用 --output 指定要写出的 .xlsx 文件"),
    "cli.dash": ("{given|q} holds full-width or Chinese characters (an input method's): did you mean {meant}?",
                 "{given|q} 里有输入法打出的全角或中文符号：是要写 {meant} 吗？"),
    "cli.progress.reading": ("reading", "正在读取"),
    # cli/settings.py: [tool.dlists] in pyproject.toml, or dlists.toml
    "cli.settings.unreadable": ("{path}: cannot read settings: {reason}", "{path}：无法读取设置：{reason}"),
    "cli.settings.not_table": ("{path}: [tool.dlists] must be a table", "{path}：[tool.dlists] 必须是一个表（table）"),
    "cli.settings.unknown": ("{path}: unknown setting `{key}` in [tool.dlists] (known: {known})",
                             "{path}：[tool.dlists] 中没有 `{key}` 这项设置（可用的设置：{known|list}）"),
    "cli.settings.type": ("{path}: `{key}` must be a {type|text}", "{path}：`{key}` 必须是{type|text}"),
    "cli.settings.list": ("list", "列表"), "cli.settings.bool": ("bool", "布尔值（true 或 false）"),
    "cli.settings.str": ("str", "字符串"),
    "cli.settings.cache_outside": ("{path}: `cache-dir` must be a folder inside {folder} (DLISTS_CACHE_DIR may name any)",
                                   "{path}：`cache-dir` 必须是 {folder} 之内的文件夹（任意位置可用环境变量 DLISTS_CACHE_DIR 指定）"),
    # the commands' own options
    "cli.rules.none": ("no rule {code|q} (see `dlists rules`)", "没有规则 {code|q}（见 `dlists rules`）"),
    "cli.schema.kind": ("unknown kind {kind|q}; choose list, region, duties or adjustments",
                        "未知的文件类型 {kind|q}：可选 list、region、duties 或 adjustments"),
    "cli.record.date": ("--date {date}: use YYYY-MM-DD", "--date {date}：日期请写成 YYYY-MM-DD 的形式，如 2024-01-31"),
    "cli.laws.article_alone": ("--article needs --law TITLE", "使用 --article 时须用 --law 写明法律法规的名称"),
    "cli.laws.article": ("--article must be an article number (74, 七十四, 第七十四条), not {article|q}",
                         "--article 应为条款序号（74、七十四、第七十四条），而不是 {article|q}"),
    "cli.diff.records": ("--records {choice}: use auto, off, warn or require", "--records {choice}：应为 auto、off、warn 或 require"),
    "cli.diff.summary": ("--summary needs $GITHUB_STEP_SUMMARY (set by GitHub Actions)",
                         "--summary 需要环境变量 $GITHUB_STEP_SUMMARY（由 GitHub Actions 设置）"),
}

_EXPORT: dict[str, tuple[str, str]] = {
    # cli/export_cmd.py, cli/export_gate.py
    "cli.export.template": ("unknown template {template|q}; choose one of: {choices}", "未知的模板 {template|q}：可选 {choices|list}"),
    "cli.export.no_place": ("no jurisdiction {names|qlist} in this catalog", "本清单中没有辖区 {names|qlist}"),
    "cli.export.no_duties": ("no duty lists to export (`duties:` files)", "没有可导出的履职事项清单（`duties:` 文件）"),
    "cli.export.no_items": ("no items to export (is this a catalog folder?)", "没有可导出的事项（这是清单目录吗？）"),
    "cli.export.no_stations": ("no items handled by village stations (a township's `delegation` to its villages, or villages' assist work with `item:`)",
                               "没有由村（社区）便民服务站办理的事项（乡镇向所辖村下放的 `delegation`，或写明 `item:` 的村级协助工作事项）"),
    "cli.export.all_drafts": ("nothing to export: every list is a draft (pass --include-drafts to export drafts)",
                              "没有可导出的清单：全部是草案（加 --include-drafts 可导出草案）"),
    "cli.export.writing": ("writing {output} ...", "正在写出 {output}……"),
    "cli.export.date": ("--date must be a date like 2023-07-01 or 2023年7月1日, not {value|q}",
                        "--date 应为日期，如 2023-07-01 或 2023年7月1日，而不是 {value|q}"),
    "cli.export.own": ("--own must be list or section, not {own|q}", "--own 应为 list 或 section，而不是 {own|q}"),
    "cli.export.paper": ("--paper must be auto, a4 or a3, not {paper|q}", "--paper 应为 auto、a4 或 a3，而不是 {paper|q}"),
    "cli.export.published_only": ("{options}: for the published template only, not {template|q}",
                                  "{options|list} 只用于公布的清单（-t published），不能用于模板 {template|q}"),
    "cli.export.suffix": ("the output must be .xlsx, .docx or .pdf (or give --format), not {name|q}",
                          "输出文件应为 .xlsx、.docx 或 .pdf（或用 --format 指定格式），而不是 {name|q}"),
    "cli.export.format_suffix": ("--format {format} writes a .{format} file, not {name|q}",
                                 "--format {format} 写出的是 .{format} 文件，与 {name|q} 不符"),
    "cli.export.docx_template": ("--format docx writes the published lists (-t published), not {template|q}",
                                 "--format docx 只能写出公布的清单（-t published），不能用于模板 {template|q}"),
    # publish/word.py, publish/pdf.py: what writing .docx or .pdf needs
    "cli.docx.missing": ("writing Word (.docx) needs python-docx: pip install 'delegation-lists[docx]'",
                         "写出 Word（.docx）需要安装 python-docx：pip install 'delegation-lists[docx]'"),
    "cli.pdf.missing": ("writing PDF needs LibreOffice (the `soffice` command): install it (apt-get install"
                        " libreoffice-calc-nogui, or from libreoffice.org), or export .xlsx and print it to PDF",
                        "写出 PDF 需要 LibreOffice（`soffice` 命令）：请安装（apt-get install libreoffice-calc-nogui，"
                        "或从 libreoffice.org 下载），或导出 .xlsx 后自行打印为 PDF"),
    "cli.pdf.timeout": ("LibreOffice did not finish the PDF in {seconds} s", "LibreOffice 在 {seconds} 秒内没有生成 PDF"),
    "cli.pdf.failed": ("LibreOffice could not convert it: {reason}", "LibreOffice 无法转换：{reason}"),
    "cli.pdf.none": ("LibreOffice made no PDF of it", "LibreOffice 没有生成 PDF"),
}

_CATALOG: dict[str, tuple[str, str]] = {
    # reconcile/reconcile.py: the parent and children `dlists reconcile` is asked for
    "cli.reconcile.no_children": ("no jurisdiction with children in this catalog (is region.yaml there?)",
                                  "本清单中没有带下级的辖区（是否缺少 region.yaml？）"),
    "cli.reconcile.no_parent": ("no jurisdiction {parent|q} in this catalog", "本清单中没有辖区 {parent|q}"),
    "cli.reconcile.several": ("several parents ({parents}): choose one with --parent",
                              "有多个上级辖区（{parents|list}）：请用 --parent 指定一个"),
    "cli.reconcile.not_child": ("not a child of {parent}: {children}", "不是{parent}的下级：{children|list}"),
    # diff/draft.py: the file `dlists record -o` appends to
    "cli.record.link": ("{path} is a symbolic link; not writing through it", "{path} 是符号链接：不通过它写入"),
    "cli.record.not_adjustments": ("{path} is not an `adjustments:` file (spec §6); name a new file or one of records",
                                   "{path} 不是调整记录文件（`adjustments:`，见规范第 6 节）：请指定一个新文件或已有的调整记录文件"),
    "cli.record.layout": ("{path}: the draft cannot be appended to this file's layout (a flow list, or a key after "
                          "`adjustments:`); append it by hand:\n",
                          "{path}：无法按此文件的写法追加草稿（流式列表，或 `adjustments:` 之后还有其他键）；请手工追加：\n"),
}

CLI: dict[str, tuple[str, str]] = {**_OPTIONS, **_EXPORT, **_CATALOG}
