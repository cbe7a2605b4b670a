// OWL/XML for the release, through the OWL API 5 (the library Protégé and ROBOT are built on).
// Usage: java OwlXml write IN OUT [IN OUT ...]   save each IN (any RDF syntax) as OWL/XML at OUT
//        java OwlXml axioms FILE...              print "FILE: N axioms SHA256" of each file's sorted axioms
//                                                (but a class IRI's declaration as an individual, see below)
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.*;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.OWLXMLDocumentFormat;
import org.semanticweb.owlapi.formats.PrefixDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.*;

public class OwlXml {
    static OWLOntology load(OWLOntologyManager manager, String path) throws OWLOntologyCreationException {
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT);
        return manager.loadOntologyFromOntologyDocument(new FileDocumentSource(new File(path)), config);
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("write")) {
            for (int i = 1; i + 1 < args.length; i += 2) {
                OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
                OWLOntology ontology = load(manager, args[i]);
                // Declare every entity the file uses but leaves undeclared (a class IRI the data uses as an
                // individual): the writer would add those declarations in hash order, so the bytes would vary.
                OWLDataFactory df = manager.getOWLDataFactory();
                for (OWLEntity entity : new TreeSet<OWLEntity>(ontology.getSignature())) {
                    if (!entity.isBuiltIn() && ontology.getDeclarationAxioms(entity).isEmpty()) {
                        ontology.addAxiom(df.getOWLDeclarationAxiom(entity));
                    }
                }
                OWLXMLDocumentFormat format = new OWLXMLDocumentFormat();
                OWLDocumentFormat source = manager.getOntologyFormat(ontology);
                if (source instanceof PrefixDocumentFormat) {
                    format.copyPrefixesFrom((PrefixDocumentFormat) source);
                }
                manager.saveOntology(ontology, format, IRI.create(new File(args[i + 1]).toURI()));
                System.out.println(args[i + 1] + ": OK " + ontology.getAxiomCount() + " axioms");
            }
            return;
        }
        for (int i = 1; i < args.length; i++) {
            OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
            OWLOntology ontology = load(manager, args[i]);
            List<String> axioms = new ArrayList<String>();
            for (OWLAxiom axiom : ontology.getAxioms()) {
                // OWL/XML declares as an individual every class IRI the data uses as a value (a punned method
                // class a claim names); Turtle and RDF/XML leave that declaration implicit. Same ontology.
                if (axiom instanceof OWLDeclarationAxiom && ((OWLDeclarationAxiom) axiom).getEntity().isOWLNamedIndividual()
                    && ontology.containsClassInSignature(((OWLDeclarationAxiom) axiom).getEntity().getIRI())) continue;
                axioms.add(axiom.toString());
            }
            for (OWLAnnotation a : ontology.getAnnotations()) axioms.add("OntologyAnnotation(" + a + ")");
            axioms.add("Ontology(" + ontology.getOntologyID() + ")");
            Collections.sort(axioms);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String axiom : axioms) digest.update((axiom + "\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest.digest()) hex.append(String.format("%02x", b));
            System.out.println(args[i] + ": " + (axioms.size() - 1 - ontology.getAnnotations().size()) + " axioms " + hex);
        }
    }
}
