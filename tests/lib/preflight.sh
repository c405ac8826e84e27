# PDFBox Preflight, the PDF/A-1b validator, from the jars Debian installs
# (libpdfbox2-java and its dependencies; not ../shared's script), for the
# scripts that check PDF/A (sourced): CP, the class path of the jars in J;
# miss, the jars absent (" preflight.jar …"; empty when all are there).
J=/usr/share/java
CP=
miss=
for j in preflight pdfbox2 fontbox2 xmpbox commons-logging javax.activation jaxb-api; do
	[ -f "$J/$j.jar" ] || miss="$miss $j.jar"
	CP="$CP${CP:+:}$J/$j.jar"
done
