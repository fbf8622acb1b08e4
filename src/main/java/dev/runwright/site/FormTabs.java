package dev.runwright.site;

import dev.runwright.render.FormLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * The hook that turns the forms of a step (the console, the AWS CLI, Terraform, CloudFormation,
 * SSM) into {@link Tabs}, which the MkDocs writer shows as mkdocs-material content tabs.
 *
 * <p>Runbooks mark their forms with the {@code m.forms} and {@code m.form} macros: the forms sit
 * between {@code <!-- runwright:forms -->} and {@code <!-- runwright:end-forms -->}, each starting
 * at a heading ("In the console", "With the AWS CLI"), which becomes its tab's label ("Console",
 * "AWS CLI"). When a document has no such marks, forms are recognised as the runbooks wrote them
 * before the marks:
 *
 * <ul>
 *   <li>headings of one level, the first naming its form at the end and each next starting with
 *       "Or": {@code ## Create the policy in the console} then {@code ## Or create it with the AWS
 *       CLI}; each form runs to the next heading of that level or above, and the group keeps the
 *       first heading without its form ("Create the policy");
 *   <li>lead paragraphs: {@code In the console:} then {@code Or with the AWS CLI:} (or {@code Or
 *       with the AWS CLI. More text}, whose text after the lead stays); each form runs to the next
 *       lead or heading.
 * </ul>
 *
 * Anything else is left as it is, so a runbook whose wording differs keeps its sections. When the
 * runbooks mark their forms explicitly, {@link #formOf} is the one place to read the mark.
 */
final class FormTabs implements PostProcessor {
  /** The words of a form, as the runbooks write them, to its tab's label. */
  private static final Map<String, String> LABELS =
      Map.of(
          "the console", "Console",
          "the aws cli", "AWS CLI",
          "terraform", "Terraform",
          "aws cloudformation", "CloudFormation",
          "cloudformation", "CloudFormation",
          "an ssm document", "SSM",
          "aws systems manager", "SSM");

  private static final String FORM =
      "(?<form>the console|the AWS CLI|Terraform|(?:AWS )?CloudFormation|an SSM document"
          + "|AWS Systems Manager)(?<extra> \\([^()]*\\))?";
  private static final Pattern HEADING =
      Pattern.compile("(?i)^(?<or>Or )?(?<subject>.*?\\S) (?:in|with) " + FORM + "$");
  private static final Pattern LEAD =
      Pattern.compile("(?i)^(?<or>Or )?(?:in|with) " + FORM + "(?<end>[:.])\\s*");

  /** A group of forms, in the order the runbook gives them. */
  static final class Tabs extends CustomBlock {}

  /** One form: its label and its content. */
  static final class Tab extends CustomBlock {
    private final String label;

    Tab(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** Runwright's forms markers, as {@code m.forms} writes them. */
  private static final Pattern MARKER =
      Pattern.compile("<!-- runwright:(?<kind>forms|end-forms) -->\\s*");

  /** "In the console", "With the AWS CLI": the words before what a tab names. */
  private static final Pattern FORM_HEADING =
      Pattern.compile("(?i)^(?:in|with|using) (?:the |an |a )?");

  @Override
  public Node process(Node document) {
    List<Node> containers = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          protected void visitChildren(Node parent) {
            containers.add(parent);
            super.visitChildren(parent);
          }
        });
    boolean marked = false;
    for (Node c : containers) {
      for (Node k = c.getFirstChild(); k != null && !marked; k = k.getNext()) {
        marked = kindOf(k) != null;
      }
    }
    for (Node c : containers) {
      if (marked) {
        groupMarked(c);
      } else if (!(c instanceof Paragraph) && !(c instanceof Heading)) {
        group(c);
      }
    }
    return document;
  }

  private static String kindOf(Node n) {
    if (n instanceof HtmlBlock b) {
      Matcher m = MARKER.matcher(b.getLiteral());
      return m.matches() ? m.group("kind") : null;
    }
    return null;
  }

  /** Each marked run of forms among {@code parent}'s children becomes a {@link Tabs}. */
  private static void groupMarked(Node parent) {
    Node n = parent.getFirstChild();
    while (n != null) {
      if (!"forms".equals(kindOf(n))) {
        n = n.getNext();
        continue;
      }
      Node start = n;
      List<Node> inside = new ArrayList<>();
      for (n = n.getNext(); n != null && !"end-forms".equals(kindOf(n)); n = n.getNext()) {
        inside.add(n);
      }
      Node end = n;
      n = end == null ? null : end.getNext();
      markedTabs(start, inside, end);
    }
  }

  /** The forms between two markers as tabs, one per heading of the first heading's level. */
  private static void markedTabs(Node start, List<Node> inside, Node end) {
    List<Node> headings = new ArrayList<>();
    int level = 0;
    for (Node c : inside) {
      if (c instanceof Heading h && (level == 0 || h.getLevel() == level)) {
        level = h.getLevel();
        headings.add(h);
      }
    }
    if (headings.size() < 2) {
      return; // one form, or none: nothing to choose between, its sections stay
    }
    Tabs tabs = new Tabs();
    headings.get(0).insertBefore(tabs); // what comes before the first form stays before the tabs
    Tab tab = null;
    for (Node c : inside) {
      if (headings.contains(c)) {
        tab = new Tab(tabLabel(plainText(c)));
        tabs.appendChild(tab);
        c.unlink();
      } else if (tab != null) {
        tab.appendChild(c);
      }
    }
    start.unlink();
    if (end != null) {
      end.unlink();
    }
  }

  /**
   * A form's heading as its tab's label: "With the AWS CLI" is "AWS CLI", and a heading that starts
   * with a built-in form's label has the label the pages' tabs show ("With an SSM Automation
   * runbook" is "SSM Automation").
   */
  static String tabLabel(String heading) {
    String rest = FORM_HEADING.matcher(heading.strip()).replaceFirst("");
    for (String label : FormLabels.labels()) {
      if (rest.regionMatches(true, 0, label, 0, label.length())) {
        return label;
      }
    }
    return rest.isEmpty()
        ? heading.strip()
        : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
  }

  /** A form that starts at {@code n}: its label, and whether it is a heading or a lead. */
  private record Start(String label, boolean or, String subject, int headingLevel) {}

  /**
   * The form {@code n} starts, or null. The place to read explicit marks once the runbooks have
   * them.
   */
  static Start formOf(Node n) {
    if (n instanceof Heading h) {
      Matcher m = HEADING.matcher(plainText(h));
      return m.matches() ? start(m, m.group("subject"), h.getLevel()) : null;
    }
    if (n instanceof Paragraph p && p.getFirstChild() instanceof Text t) {
      Matcher m = LEAD.matcher(t.getLiteral());
      return m.lookingAt() ? start(m, null, 0) : null;
    }
    return null;
  }

  private static Start start(Matcher m, String subject, int level) {
    String label = LABELS.get(m.group("form").toLowerCase(java.util.Locale.ROOT));
    String extra = m.group("extra");
    return new Start(label + (extra == null ? "" : extra), m.group("or") != null, subject, level);
  }

  /** Finds each run of forms among {@code parent}'s children and puts it in a {@link Tabs}. */
  private static void group(Node parent) {
    Node n = parent.getFirstChild();
    while (n != null) {
      Start first = formOf(n);
      Node next = n.getNext();
      if (first != null && !first.or()) {
        Node after = tryGroup(n, first);
        next = after != null ? after : next;
      }
      n = next;
    }
  }

  /**
   * Groups the forms starting at {@code start}, when at least one "Or" form follows it.
   *
   * @return the node after the group, or null when there is no group here
   */
  private static Node tryGroup(Node start, Start first) {
    List<Node> starts = new ArrayList<>(List.of(start));
    List<Start> forms = new ArrayList<>(List.of(first));
    Node n = start.getNext();
    Node end = null;
    while (n != null) {
      boolean boundary =
          n instanceof Heading h
              && (first.headingLevel() == 0 || h.getLevel() <= first.headingLevel());
      Start s = boundary || first.headingLevel() == 0 ? formOf(n) : null;
      boolean sameKind = s != null && s.headingLevel() == first.headingLevel();
      if (sameKind && s.or()) {
        starts.add(n);
        forms.add(s);
      } else if (boundary || sameKind) {
        end = n; // a heading, or a form that starts a group of its own
        break;
      }
      n = n.getNext();
    }
    if (starts.size() < 2) {
      return null;
    }
    build(start.getParent(), starts, forms, end);
    return end;
  }

  /** Moves each form's content into a tab; a heading group keeps its first heading. */
  private static void build(Node parent, List<Node> starts, List<Start> forms, Node end) {
    Tabs tabs = new Tabs();
    Node first = starts.get(0);
    for (int i = 0; i < starts.size(); i++) {
      Node from = starts.get(i);
      Node until = i + 1 < starts.size() ? starts.get(i + 1) : end;
      Tab tab = new Tab(forms.get(i).label());
      for (Node n = from.getNext(); n != null && n != until; ) {
        Node next = n.getNext();
        tab.appendChild(n); // appendChild unlinks n from where it was
        n = next;
      }
      tabs.appendChild(tab);
      if (from instanceof Paragraph p) {
        keepRest(p, tab);
      } else if (from != first) {
        from.unlink();
      }
    }
    if (first instanceof Heading h) {
      rename(h, forms.get(0).subject());
      h.insertAfter(tabs);
    } else if (end != null) {
      end.insertBefore(tabs);
    } else {
      parent.appendChild(tabs);
    }
  }

  /** A lead paragraph goes; text after its lead ("Or with the AWS CLI. Then ...") opens the tab. */
  private static void keepRest(Paragraph p, Tab tab) {
    Text t = (Text) p.getFirstChild();
    Matcher m = LEAD.matcher(t.getLiteral());
    m.lookingAt();
    String rest = t.getLiteral().substring(m.end());
    if (rest.isEmpty()) {
      t.unlink();
      if (p.getFirstChild() instanceof SoftLineBreak b) {
        b.unlink();
      }
    } else {
      t.setLiteral(Character.toUpperCase(rest.charAt(0)) + rest.substring(1));
    }
    if (p.getFirstChild() != null) {
      Node firstOfTab = tab.getFirstChild();
      if (firstOfTab == null) {
        tab.appendChild(p);
      } else {
        firstOfTab.insertBefore(p);
      }
    } else {
      p.unlink();
    }
  }

  private static void rename(Heading h, String subject) {
    while (h.getFirstChild() != null) {
      h.getFirstChild().unlink();
    }
    h.appendChild(new Text(subject));
  }

  private static String plainText(Node node) {
    StringBuilder sb = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            sb.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            sb.append(code.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak softLineBreak) {
            sb.append(' ');
          }
        });
    return sb.toString();
  }
}
