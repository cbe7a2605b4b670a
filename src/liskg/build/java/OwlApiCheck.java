// Loads ontology files with the OWL API (the library Protégé uses) and checks the OWL 2 DL profile.
// Usage: java OwlApiCheck [--profile] FILE...   Prints one line per problem; exit 1 if any.
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;

public class OwlApiCheck {
    public static void main(String[] args) {
        boolean profile = false;
        int problems = 0;
        for (String arg : args) {
            if (arg.equals("--profile")) { profile = true; continue; }
            OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
            OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT);
            try {
                OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(new File(arg)), config);
                String format = manager.getOntologyFormat(ontology).toString();
                if (!format.contains("Turtle") && arg.endsWith(".ttl")) {
                    System.out.println(arg + ": PARSE read as " + format + ", not Turtle");
                    problems++;
                }
                if (profile) {
                    OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
                    for (OWLProfileViolation v : report.getViolations()) {
                        System.out.println(arg + ": PROFILE " + v.toString().replace('\n', ' '));
                        problems++;
                    }
                }
                System.out.println(arg + ": OK " + ontology.getAxiomCount() + " axioms");
            } catch (Exception e) {
                String message = String.valueOf(e.getMessage()).replace('\n', ' ');
                System.out.println(arg + ": PARSE " + e.getClass().getSimpleName() + " " + message.substring(0, Math.min(300, message.length())));
                problems++;
            }
        }
        System.exit(problems == 0 ? 0 : 1);
    }
}
