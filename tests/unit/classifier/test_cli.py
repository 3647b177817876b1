

def test_train_if_missing_returns_at_once_when_current(tiny_model_dir):
    from classifier.train import installed_version, train

    root = tiny_model_dir.parent
    before = (tiny_model_dir / "screener.json").stat().st_mtime_ns
    msgs = []
    v = train(root / "train", tiny_model_dir, root / "tiny.cfg", if_missing=True, log=msgs.append)
    assert v == installed_version(tiny_model_dir)
    assert (tiny_model_dir / "screener.json").stat().st_mtime_ns == before
    assert any("up to date" in m for m in msgs)
