// Runs EPUBCheck's own command-line tool over many EPUBs in one Java start:
// EPUBCheck spends most of a run starting up and compiling its schemas, which
// it keeps for the life of the JVM. Each file gets exactly the output (and
// exit status) `java -jar epubcheck.jar FILE` gives, framed by "== FILE" and
// "== exit N" lines. Standard error goes to standard output so that every
// message stays inside its file's frame.
//
// Run with the JDK's source launcher (Java 11+), no build step:
//   java -cp /usr/share/java/epubcheck.jar tests/epubcheck/EpubCheckBatch.java A.epub B.epub
public class EpubCheckBatch {
    public static void main(String[] args) {
        System.setErr(System.out);
        for (String file : args) {
            System.out.println("== " + file);
            int status;
            try {
                status = new com.adobe.epubcheck.tool.EpubChecker().run(new String[] {file});
            } catch (Throwable t) {
                t.printStackTrace(System.out);
                status = 99;
            }
            System.out.println("== exit " + status);
            System.out.flush();
        }
    }
}
