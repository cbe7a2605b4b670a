// Loads ontology files with the OWL API 5 (the library Protégé 5 is built on) and checks the OWL 2 DL profile.
// Usage: java OwlApiCheck [--profile] FILE...
// Each FILE is loaded in a fresh manager the way Protégé opens it: the catalog-v001.xml in the FILE's own
// folder, if there is one, maps ontology IRIs to local files, so its owl:imports resolve there; an import the
// catalog does not resolve is an error (nothing is fetched from the network). --profile checks the file's
// whole import closure. Every triple the parser drops (UNPARSED), in any ontology of the closure, is a
// problem, whatever its property. Prints one line per problem and one "FILE: OK ..." line per file that
// has none; exit 1 if any problem.
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.RDFTriple;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class OwlApiCheck {
    private static final Pattern ENTRY = Pattern.compile("<uri\\s+name=\"([^\"]+)\"\\s+uri=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        boolean profile = false;
        int problems = 0;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--profile")) profile = true;
            else files.add(arg);
        }
        for (String arg : files) {
            File file = new File(arg).getAbsoluteFile();
            OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
            File catalog = new File(file.getParentFile(), "catalog-v001.xml");
            Map<IRI, IRI> entries = new HashMap<>();
            if (catalog.exists()) {
                String xml = new String(Files.readAllBytes(catalog.toPath()), StandardCharsets.UTF_8);
                Matcher m = ENTRY.matcher(xml);
                while (m.find()) {
                    File target = new File(file.getParentFile(), m.group(2)).getCanonicalFile();
                    entries.put(IRI.create(m.group(1)), IRI.create(target));
                }
            }
            // what the catalog leaves unresolved goes to a file that does not exist: an error, never a download
            IRI nowhere = IRI.create(new File(file.getParentFile(), ".import-not-in-catalog-v001.xml"));
            manager.getIRIMappers().set(iri -> entries.getOrDefault(iri,
                "file".equals(iri.getScheme()) ? null : nowhere));
            OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION);
            try {
                OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(file), config);
                OWLDocumentFormat format = manager.getOntologyFormat(ontology);
                if (arg.endsWith(".ttl") && (format == null || !format.getKey().contains("Turtle"))) {
                    System.out.println(arg + ": PARSE read as " + format + ", not Turtle");
                    problems++;
                }
                int dropped = 0;
                for (OWLOntology o : ontology.getImportsClosure()) {
                    OWLDocumentFormat f = manager.getOntologyFormat(o);
                    if (!(f instanceof RDFDocumentFormat)) continue;
                    Optional<OWLOntologyLoaderMetaData> meta = ((RDFDocumentFormat) f).getOntologyLoaderMetaData();
                    if (!meta.isPresent()) continue;
                    List<String> lines = new ArrayList<>();
                    meta.get().getUnparsedTriples().forEach(t -> lines.add(t.toString().replace('\n', ' ')));
                    Collections.sort(lines);
                    for (String t : lines) {
                        System.out.println(arg + ": UNPARSED in " + o.getOntologyID().getOntologyIRI().map(IRI::toString).orElse("?") + ": " + t);
                        problems++;
                        dropped++;
                    }
                }
                int violations = 0;
                if (profile) {
                    for (OWLProfileViolation v : new OWL2DLProfile().checkOntology(ontology).getViolations()) {
                        System.out.println(arg + ": PROFILE " + v.toString().replace('\n', ' '));
                        problems++;
                        violations++;
                    }
                }
                if (violations > 0 || dropped > 0) continue;
                int closure = ontology.getImportsClosure().size();
                int annotated = 0;  // assertions carrying an axiom annotation (liskg:assertionBasis ...)
                for (OWLAxiom axiom : ontology.getABoxAxioms(org.semanticweb.owlapi.model.parameters.Imports.EXCLUDED)) {
                    if (!axiom.getAnnotations().isEmpty()) annotated++;
                }
                System.out.println(arg + ": OK " + ontology.getAxiomCount() + " axioms, " + annotated
                                   + (annotated == 1 ? " annotated assertion" : " annotated assertions")
                                   + (catalog.exists() ? ", import closure of " + closure + " (catalog-v001.xml beside it)" : ""));
            } catch (Exception e) {
                String message = String.valueOf(e.getMessage()).replace('\n', ' ');
                System.out.println(arg + ": PARSE " + e.getClass().getSimpleName() + " " + message.substring(0, Math.min(300, message.length())));
                problems++;
            }
        }
        System.exit(problems == 0 ? 0 : 1);
    }
}
