"""Documents the company issues (证明文件): the letterhead and its PDFs, numbered 离职证明, 在职证明
and 离职结算单 with their register, reissue and verification."""
