"""证明文件: issuing, reissuing, verifying and batch-issuing documents."""
