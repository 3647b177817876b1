"""A tiny screener trained in seconds on templated examples, so screener tests never depend on
corpus/ or on a previously built model."""
import json
import re

import pytest

from classifier import settings as S

SUBJECT = [
    "{g}年级数学同步培优：第{n}讲 分数应用题，课前预习，课后巩固练习{n}题，周测排名，冲刺期末考试提分。",
    "{g}年级语文阅读理解与作文精讲：讲解知识点、练习题{n}道，古诗词默写，考试技巧，每周测验。",
    "{g}年级英语语法专项：时态与句型，单词听写，完形填空{n}篇，课后作业，月考成绩排名。",
    "初中物理培优第{n}讲：受力分析与压强计算，例题讲解，课后习题，中考真题训练。",
    "化学提高班第{n}讲：化学式与方程式配平练习，中考必考题型，课后刷题{n}道。",
]
NON_SUBJECT = [
    "少儿街舞兴趣班第{n}课：基础律动、节奏感游戏、队形编排，期末汇演展示，快乐体验舞蹈。",
    "儿童美术创意课第{n}课：水彩写生，观察色彩与构图，完成一幅作品，培养审美与想象力。",
    "青少年篮球训练营第{n}天：运球、传球、投篮，分组比赛，提高体能和协调性，享受运动乐趣。",
    "Scratch 编程创意课第{n}课：设计小游戏角色，动手搭建程序，合作完成作品并展示。",
    "围棋兴趣班第{n}课：死活题游戏、对弈体验，培养专注力与思考习惯，亲子观摩。",
]
OVERSEAS = [
    "AP Calculus BC 备考第{n}讲：limits and derivatives, College Board free-response practice.",
    "IGCSE Mathematics Paper {n} revision: algebra and geometry past papers, Cambridge mark schemes.",
    "牛津阅读树 Oxford Reading Tree Level {n}：原版绘本精读，培生 Pearson 配套练习。",
    "ABRSM 英皇考级钢琴 Grade {n}：考级曲目与视奏训练，英皇音乐考官标准。",
]


def _records():
    out = []
    k = 0
    for n in range(1, 9):
        g = (n % 6) + 1
        for t in SUBJECT:
            k += 1
            out.append({"id": f"s{k}", "text": t.format(g=g, n=n), "category": "subject",
                        "subject": re.sub(r"^.*?(数学|语文|英语|物理|化学).*$", r"\1", t), "overseas": False})
        for t in NON_SUBJECT:
            k += 1
            subj = {"街": "舞蹈", "美": "美术", "篮": "体育", "Sc": "信息技术", "围": "棋类"}
            out.append({"id": f"n{k}", "text": t.format(n=n), "category": "non_subject",
                        "subject": next(v for key, v in subj.items() if key in t[:6]), "overseas": False})
        for i, t in enumerate(OVERSEAS):
            k += 1
            out.append({"id": f"o{k}", "text": t.format(n=n), "category": "non_subject" if i == 3 else "subject",
                        "subject": "音乐" if i == 3 else ("英语" if i == 2 else "数学"), "overseas": True})
    return out


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    from classifier.train import train

    root = tmp_path_factory.mktemp("clf")
    (root / "train").mkdir()
    with open(root / "train" / "tiny.jsonl", "w", encoding="utf-8") as f:
        for r in _records():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    cfg = S.CONFIG_PATH.read_text(encoding="utf-8")
    cfg = re.sub(r"(?m)^max_epochs = \d+", "max_epochs = 4", cfg)
    cfg = re.sub(r"(?m)^calibration_folds = \d+", "calibration_folds = 2", cfg)
    cfg = re.sub(r"(?m)^calibration_epochs = \d+", "calibration_epochs = 3", cfg)
    (root / "tiny.cfg").write_text(cfg, encoding="utf-8")
    train(root / "train", root / "model", root / "tiny.cfg", log=lambda *_: None)
    return root / "model"


@pytest.fixture(scope="session")
def screener(tiny_model_dir):
    from classifier import load_screener

    return load_screener(tiny_model_dir)
