# vb-baocao samples: the 2020 progress of the units of Điện Biên against
# the plan's task table becomes one report per unit and the province
# summary, for quý II and for the first six months, Markdown and PDF, in
# output/bao-cao/q2/ and output/bao-cao/6t/ (made anew each time: a unit
# that stops reporting leaves no old report behind).  Included by the Makefile.

BC_TASKS = input/2020/nhiem-vu.csv
BC_PROG	 = input/2020/tien-do.csv
BC_UNITS = input/2020/don-vi.csv
BC_DATA	 = $(wildcard templates/bao-cao/*)
BC_CONF	 = input/2020/bao-cao.yaml
BC_FLAGS = --nam 2020 --don-vi $(BC_UNITS) --config $(BC_CONF) --pdf --docx -j 2 -q

samples: output/bao-cao/q2.stamp output/bao-cao/6t.stamp

output/bao-cao/q2.stamp: $(BC_TASKS) $(BC_PROG) $(BC_UNITS) $(BC_CONF) $(BC_DATA) bin/vb-baocao
	@rm -rf output/bao-cao/q2 && mkdir -p output/bao-cao/q2
	VB_TEMPLATES=templates bin/vb-baocao $(BC_FLAGS) --ky Q2 --ngay 2020-07-06 \
		-d output/bao-cao/q2 $(BC_TASKS) $(BC_PROG)
	@touch $@

output/bao-cao/6t.stamp: $(BC_TASKS) $(BC_PROG) $(BC_UNITS) $(BC_CONF) $(BC_DATA) bin/vb-baocao
	@rm -rf output/bao-cao/6t && mkdir -p output/bao-cao/6t
	VB_TEMPLATES=templates bin/vb-baocao $(BC_FLAGS) --ky 6T --ngay 2020-07-03 \
		-d output/bao-cao/6t $(BC_TASKS) $(BC_PROG)
	@touch $@
