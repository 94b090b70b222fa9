-- macro norm_text(v) → VARCHAR: a raw cell as the validators compare it — full-width digits, signs,
-- parentheses, the ideographic space (chr(12288)) and Latin letters turned half-width, then the
-- whitespace of variable cell_spaces (sql/cells.ts: the ASCII spaces and U+3000) trimmed from both ends.
-- NULL for NULL. The slow path of a cell's reading: the usual cell is read without it.
-- grain: a scalar over one cell.
create or replace temp macro norm_text(v) as trim(
  translate(
    v,
    '０１２３４５６７８９．－＋，：（）' || chr(12288)
      || 'ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ',
    '0123456789.-+,:() ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  ),
  getvariable('cell_spaces')
)
