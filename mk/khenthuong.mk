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
