# vb-khenthuong samples: the 2020 nominee list of Điện Biên becomes one
# decision per award form (Markdown + PDF) in output/khen-thuong-2020/.
# Included by the Makefile (-include mk/*.mk).  output/ is build output,
# regenerated from input/: --ghi-de lets a re-run replace sources written
# by an older vb-khenthuong (without the checksum line) or touched by hand.

KT_LIST	 = input/2020/de-nghi-khen-thuong.csv
KT_CONF	 = input/khen-thuong/dien-bien-2020.yaml
KT_DATA	 = $(wildcard templates/khen-thuong/*.csv templates/khen-thuong/*.yaml \
	   templates/khen-thuong/mau/*.md)
KT_FLAGS = --config $(KT_CONF) --ngay 2020-12-28 \
	   --so co-thi-dua=2012 --so cstd-tinh=2013 --so tt-ldxs=2014 \
	   --so bang-khen=2015

samples: output/khen-thuong-2020.stamp

output/khen-thuong-2020.stamp: $(KT_LIST) $(KT_CONF) $(KT_DATA) bin/vb-khenthuong
	@mkdir -p output/khen-thuong-2020
	VB_TEMPLATES=templates bin/vb-khenthuong $(KT_FLAGS) --pdf --docx --ghi-de \
		-d output/khen-thuong-2020 $(KT_LIST)
	@touch $@

# Decisions at every level after the 2025 reform: a province (Bằng khen),
# a department (Giấy khen of its Giám đốc) and a commune (Giấy khen of its
# Chủ tịch), each dated 2024, 09/2025 and 12/2026, with the Tờ trình and
# the register, in output/khen-thuong-cap/<cap>-<date>/.
KT_CAP_DATES = 2024-12-20 2025-09-15 2026-12-15

samples: output/khen-thuong-cap.stamp

output/khen-thuong-cap.stamp: $(wildcard input/khen-thuong/cap/*) $(KT_DATA) bin/vb-khenthuong
	@for cap in tinh so xa; do for day in $(KT_CAP_DATES); do \
		mkdir -p output/khen-thuong-cap/$$cap-$$day && \
		VB_TEMPLATES=templates bin/vb-khenthuong -q --config input/khen-thuong/cap/$$cap.yaml \
			--ngay $$day --so 12 --to-trinh --pdf --ghi-de \
			-d output/khen-thuong-cap/$$cap-$$day input/khen-thuong/cap/$$cap.csv \
			2>/dev/null || exit 1; \
	done; done
	@touch $@
