import Foundation
import ZIPFoundation

/// The one OOXML word-processing package writer, for the consolidated report and the
/// units' report forms alike: A4, margins 20/20/30/15 mm, Times New Roman 14 pt, page
/// numbers centred in the top margin from page 2 on (Decree 30/2020).
///
/// Callers give the body (`WordML` fragments); the package adds the parts every document
/// shares. Written in memory with ZIPFoundation. Deterministic: entry times are the
/// document's own moment, so the same input gives the same bytes.
enum WordPackage {
    /// Page geometry in twips: A4 and the Decree's margins (top/bottom 20 mm, left 30 mm, right 15 mm).
    static let pageWidth = 11906
    static let pageHeight = 16838
    static let marginTop = 1134
    static let marginBottom = 1134
    static let marginLeft = 1701
    static let marginRight = 850
    /// Body text size, half-points (14 pt).
    static let bodySize = 28

    /// What `docProps/` says about the document.
    struct Properties {
        var title: String
        var creator: String
        /// Created and modified time, and the ZIP entries' time.
        var date: Date
        /// `docProps/custom.xml` string properties, in order; none writes no custom part.
        var custom: [(name: String, value: String)] = []
    }

    /// The package for a document whose `w:body` content is `body` (without `w:sectPr`:
    /// the package adds the page setup).
    static func write(body: String, properties: Properties) throws -> Data {
        let hasCustom = !properties.custom.isEmpty
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes(custom: hasCustom)),
            ("_rels/.rels", packageRelationships(custom: hasCustom)),
            ("docProps/core.xml", coreProperties(properties)),
            ("word/document.xml", document(body)),
            ("word/styles.xml", styles),
            ("word/settings.xml", settings),
            ("word/header1.xml", pageNumberHeader),
            ("word/header2.xml", emptyHeader),
            ("word/_rels/document.xml.rels", documentRelationships),
        ]
        if hasCustom { parts.append(("docProps/custom.xml", customProperties(properties.custom))) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: properties.date, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else {
            throw ReportRenderError(format: .docx, message: "the in-memory ZIP archive returned no data")
        }
        return bytes
    }

    static func document(_ body: String) -> String {
        xmlDeclaration
            + "<w:document xmlns:w=\"\(WordML.mainNamespace)\" xmlns:r=\"\(WordML.relationshipNamespace)\">"
            + "<w:body>\(body)\(sectionProperties)</w:body></w:document>"
    }

    private static let sectionProperties = """
        <w:sectPr>\
        <w:headerReference w:type="default" r:id="rIdHeaderDefault"/>\
        <w:headerReference w:type="first" r:id="rIdHeaderFirst"/>\
        <w:pgSz w:w="\(pageWidth)" w:h="\(pageHeight)"/>\
        <w:pgMar w:top="\(marginTop)" w:right="\(marginRight)" w:bottom="\(marginBottom)" w:left="\(marginLeft)" \
        w:header="567" w:footer="567" w:gutter="0"/>\
        <w:cols w:space="720"/>\
        <w:titlePg/>\
        <w:docGrid w:linePitch="360"/>\
        </w:sectPr>
        """

    // MARK: - Other parts

    private static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private static func contentTypes(custom: Bool) -> String {
        xmlDeclaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/settings.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/word/header1.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
            <Override PartName="/word/header2.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
            """
            + (custom
                ? "<Override PartName=\"/docProps/custom.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>" : "")
            + "</Types>"
    }

    private static func packageRelationships(custom: Bool) -> String {
        xmlDeclaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="word/document.xml"/>\
            <Relationship Id="rId2" \
            Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
            Target="docProps/core.xml"/>
            """
            + (custom
                ? "<Relationship Id=\"rId3\" "
                    + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" "
                    + "Target=\"docProps/custom.xml\"/>" : "")
            + "</Relationships>"
    }

    private static let documentRelationships =
        xmlDeclaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rIdSettings" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
            <Relationship Id="rIdHeaderDefault" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
            <Relationship Id="rIdHeaderFirst" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>\
            </Relationships>
            """

    private static let fonts =
        "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
        + "w:cs=\"Times New Roman\"/>"

    private static let styles =
        xmlDeclaration + """
            <w:styles xmlns:w="\(WordML.mainNamespace)">\
            <w:docDefaults><w:rPrDefault><w:rPr>\(fonts)<w:sz w:val="\(bodySize)"/><w:szCs w:val="\(bodySize)"/>\
            <w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
            </w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
            <w:rPr>\(fonts)<w:sz w:val="\(bodySize)"/><w:szCs w:val="\(bodySize)"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>\
            <w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr>\
            <w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:jc w:val="center"/></w:pPr></w:style>\
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
            <w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
            <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
            <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            </w:styles>
            """

    private static let settings =
        xmlDeclaration + """
            <w:settings xmlns:w="\(WordML.mainNamespace)">\
            <w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>\
            <w:characterSpacingControl w:val="doNotCompress"/>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" \
            w:val="15"/></w:compat>\
            </w:settings>
            """

    /// Page numbers: Arabic, 14 pt, upright, centred in the top margin (Decree 30/2020).
    private static let pageNumberHeader =
        xmlDeclaration + """
            <w:hdr xmlns:w="\(WordML.mainNamespace)" xmlns:r="\(WordML.relationshipNamespace)">\
            <w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t>2</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r>\
            </w:p></w:hdr>
            """

    /// Page 1 shows no number.
    private static let emptyHeader =
        xmlDeclaration + """
            <w:hdr xmlns:w="\(WordML.mainNamespace)" xmlns:r="\(WordML.relationshipNamespace)"><w:p/></w:hdr>
            """

    private static func coreProperties(_ properties: Properties) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let stamp = formatter.string(from: properties.date)
        return xmlDeclaration + """
            <cp:coreProperties \
            xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(WordML.escape(properties.title))</dc:title>\
            <dc:creator>\(WordML.escape(properties.creator))</dc:creator>\
            <dc:language>vi-VN</dc:language>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    /// Custom document properties (Word: File › Properties › Custom); both Word and
    /// LibreOffice keep them when the document is saved again.
    private static func customProperties(_ properties: [(name: String, value: String)]) -> String {
        var xml =
            xmlDeclaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
            + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        for (index, property) in properties.enumerated() {
            // pid 2 is the first one applications may use.
            xml +=
                "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(index + 2)\" "
                + "name=\"\(WordML.escape(property.name))\"><vt:lpwstr>\(WordML.escape(property.value))</vt:lpwstr></property>"
        }
        return xml + "</Properties>"
    }
}
